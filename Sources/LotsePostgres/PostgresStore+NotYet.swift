import LotseStore

extension PostgresStore {
    /// A part of the engine that is not built yet: refused with a clear message, never a
    /// silent wrong answer. (Removed when every part is built.)
    func notYet(_ what: String) -> StoreError {
        .database(path: location.description, message: "\(what) is not available on PostgreSQL yet")
    }
}
