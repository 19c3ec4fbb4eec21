/// The grammar of a JSON number, for `JSONFileScanner`.
enum JSONNumberSyntax {
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isNumber(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        func digits() -> Int {
            let s = i
            while i < n, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - s
        }
        if i < n, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let s = i
        let whole = digits()
        guard whole > 0, whole == 1 || bytes[s] != UInt8(ascii: "0") else { return false }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == n
    }

    /// Whether `b` can be part of a number (so a number has not ended before it).
    static func continuesNumber(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e")
            || b == UInt8(ascii: "E") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
    }
}
