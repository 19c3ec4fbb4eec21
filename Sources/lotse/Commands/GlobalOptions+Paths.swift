import LotseStore

extension GlobalOptions {
    /// The database file these options name, without creating or opening anything; nil
    /// when it cannot be worked out (then files written get the private default).
    func databasePathIfAny() -> String? {
        try? DatabaseLocation.resolve(explicit: db, environment: environment)
    }
}
