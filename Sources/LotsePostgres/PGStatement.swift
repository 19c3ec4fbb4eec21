import Foundation
import PostgresNIO

/// A statement written with named parameters (`:month`, `:ids`), turned into PostgreSQL's
/// positional `$1 …` with its bindings: the queries that use one value several times stay
/// readable. A name that is used but not given is a programming error and stops at once.
struct PGStatement {
    /// The values a parameter can take.
    enum Value {
        case text(String?)
        case int(Int)
        case texts([String])
    }

    let sql: String
    let binds: PostgresBindings

    init(_ text: String, _ values: [String: Value]) {
        var binds = PostgresBindings()
        var positions: [String: Int] = [:]
        var out = ""
        var chars = text[...]
        while let colon = chars.firstIndex(of: ":") {
            out += chars[..<colon]
            let after = chars.index(after: colon)
            // `::type` is a cast, not a parameter.
            if after < chars.endIndex, chars[after] == ":" {
                out += "::"
                chars = chars[chars.index(after: after)...]
                let typeEnd = chars.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? chars.endIndex
                out += chars[..<typeEnd]
                chars = chars[typeEnd...]
                continue
            }
            let nameEnd = chars[after...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? chars.endIndex
            let name = String(chars[after..<nameEnd])
            guard !name.isEmpty else {
                out += ":"
                chars = chars[after...]
                continue
            }
            if positions[name] == nil {
                guard let value = values[name] else { preconditionFailure("no value for :\(name)") }
                switch value {
                case .text(let text?): binds.append(text)
                case .text(nil): binds.appendNull()
                case .int(let int): binds.append(int)
                case .texts(let texts): binds.append(texts)
                }
                positions[name] = positions.count + 1
            }
            out += "$\(positions[name]!)"
            chars = chars[nameEnd...]
        }
        out += chars
        sql = out
        self.binds = binds
    }
}

extension PGSession {
    /// Every row of a statement with named parameters.
    @discardableResult
    func query(_ sql: String, _ values: [String: PGStatement.Value]) throws -> [PostgresRow] {
        let statement = PGStatement(sql, values)
        return try query(statement.sql, statement.binds)
    }
}
