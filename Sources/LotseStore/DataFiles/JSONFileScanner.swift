import Foundation
import LotseDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the tokens of a JSON file front to back through a fixed buffer, so files of any
/// size are read in constant memory. Knows the line of every byte (for messages) and can
/// jump back to a position it passed before (`mark` / `seek`).
///
/// Only what a portfolio document needs: strings, numbers (as integers or as their text),
/// `true`/`false`/`null`, and walking over arrays and objects; any other value can be
/// skipped. Errors are `JSONFileScanner.Failure` with the byte offset and line where the
/// problem is; the caller adds the column (`column(offset:lineStart:)`) and the file name.
final class JSONFileScanner {
    /// A position in the file to come back to, with its line for messages.
    struct Mark: Sendable {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    /// Something in the file is not what was expected.
    struct Failure: Error {
        var offset: Int
        var line: Int
        var lineStart: Int
        var kind: PortfolioProblem.Kind
        /// The value in question was read to its end: reading can go on after it.
        var recoverable = false
    }

    /// How deeply values may nest.
    static let depthLimit = 512
    /// How many characters of a text a message quotes.
    static let quotedLength = 60

    /// The last key `key(in:hint:)` did not find among its keys.
    private(set) var unknownKey: [UInt8] = []

    static let bufferSize = 1 << 18

    private let descriptor: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    /// Offset in the file of `buffer[0]`.
    private var bufferStart = 0
    private var index = 0
    private var count = 0
    /// Line of the next byte (from 1) and the file offset where that line starts.
    private(set) var line = 1
    private var lineStart = 0
    /// Bytes of a string that crosses the end of the buffer or holds escapes.
    private var scratch: [UInt8] = []

    /// Opens `path` for reading; throws `POSIXError` when it cannot.
    init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        descriptor = fd
        buffer = .allocate(capacity: Self.bufferSize)
        scratch.reserveCapacity(256)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    // MARK: - Position

    /// Offset in the file of the next byte.
    var offset: Int { bufferStart + index }

    /// Where the next token starts (after whitespace).
    func mark() throws -> Mark {
        skipWhitespace()
        return here
    }

    /// The position of the next byte.
    private var here: Mark { Mark(offset: offset, line: line, lineStart: lineStart) }

    /// Continues reading at `mark`.
    func seek(to mark: Mark) {
        if mark.offset >= bufferStart && mark.offset <= bufferStart + count {
            index = mark.offset - bufferStart
        } else {
            bufferStart = mark.offset
            index = 0
            count = 0
        }
        line = mark.line
        lineStart = mark.lineStart
    }

    /// The column (from 1, in characters) of `offset` on the line that starts at `lineStart`.
    func column(offset: Int, lineStart: Int) -> Int {
        let length = offset - lineStart
        // A line longer than a megabyte is not read again: its column is counted in bytes.
        guard length > 0, length <= 1 << 20 else { return max(0, length) + 1 }
        var bytes = [UInt8](repeating: 0, count: length)
        let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(lineStart)) }
        guard got == length else { return length + 1 }
        // Count the bytes that start a UTF-8 character.
        return bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
    }

    func failure(_ kind: PortfolioProblem.Kind) -> Failure {
        Failure(offset: offset, line: line, lineStart: lineStart, kind: kind)
    }

    func failure(_ kind: PortfolioProblem.Kind, at mark: Mark, recoverable: Bool = false) -> Failure {
        Failure(offset: mark.offset, line: mark.line, lineStart: mark.lineStart, kind: kind, recoverable: recoverable)
    }

    /// The next value is not what was `expected`: reads it (when it is a whole value) to say
    /// what it is; the failure is recoverable when it could be read.
    func mismatch(_ expected: PortfolioProblem.Expected) throws -> Failure {
        let start = try mark()
        let found = try readFound()
        let consumed = offset > start.offset
        return failure(.expected(expected, found: found), at: start, recoverable: consumed)
    }

    /// What the next value is, consuming it when it is a whole value.
    private func readFound() throws -> PortfolioProblem.Found {
        guard let b = try peekByte() else { return .endOfFile }
        switch b {
        case UInt8(ascii: "\""): return .text(Self.quoted(try string()))
        case UInt8(ascii: "{"): try skipValue(); return .object
        case UInt8(ascii: "["): try skipValue(); return .array
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .boolean(try bool())
        case UInt8(ascii: "n"): try null(); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(Self.quoted(try numberText()))
        default: return Self.found(byte: b)
        }
    }

    private static func found(byte b: UInt8) -> PortfolioProblem.Found {
        (0x21...0x7E).contains(b) ? .character(String(Character(Unicode.Scalar(b)))) : .byte(b)
    }

    /// A text for a message: control characters as `?`, cut after `quotedLength` characters.
    static func quoted(_ text: String) -> String {
        let visible = PlausibleValues.visible(text)
        return visible.count > quotedLength ? String(visible.prefix(quotedLength)) + "…" : visible
    }

    // MARK: - Bytes

    /// Reads the next part of the file; false at its end.
    private func refill() throws -> Bool {
        bufferStart += count
        index = 0
        count = 0
        while true {
            let got = pread(descriptor, buffer, Self.bufferSize, off_t(bufferStart))
            if got >= 0 {
                count = got
                return got > 0
            }
            if errno != EINTR {
                throw failure(.unreadable(reason: String(cString: strerror(errno))))
            }
        }
    }

    /// The next byte without consuming it; nil at the end of the file.
    @inline(__always)
    private func peekByte() throws -> UInt8? {
        if index == count, try !refill() { return nil }
        return buffer[index]
    }

    @inline(__always)
    private func skipWhitespace() {
        while true {
            while index < count {
                let b = buffer[index]
                switch b {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A:
                    index += 1
                    line += 1
                    lineStart = bufferStart + index
                default: return
                }
            }
            guard (try? refill()) == true else { return }
        }
    }

    /// The first byte of the next token, not consumed; fails at the end of the file.
    func peek() throws -> UInt8 {
        skipWhitespace()
        guard let b = try peekByte() else { throw failure(.unexpectedEnd) }
        return b
    }

    /// Consumes `byte` as the next token or fails naming `expected`.
    func expect(_ byte: UInt8, _ expected: PortfolioProblem.Expected) throws {
        guard try peek() == byte else { throw failure(.expected(expected, found: try describeNext())) }
        index += 1
    }

    /// True (and consumed) when the next token is `byte`.
    func consume(_ byte: UInt8) throws -> Bool {
        guard try peek() == byte else { return false }
        index += 1
        return true
    }

    /// Skips a UTF-8 byte order mark at the very start of the file, as JSON readers may.
    func skipByteOrderMark() throws {
        guard offset == 0, try peekByte() == 0xEF else { return }
        if count >= 3, buffer[1] == 0xBB, buffer[2] == 0xBF { index = 3 }
    }

    /// Fails unless only whitespace is left.
    func expectEnd() throws {
        skipWhitespace()
        if try peekByte() != nil { throw failure(.trailingContent(found: try describeNext())) }
    }

    /// What the next token is, for messages, without consuming it (texts and numbers are
    /// read and then read again).
    func describeNext() throws -> PortfolioProblem.Found {
        skipWhitespace()
        guard let b = try peekByte() else { return .endOfFile }
        switch b {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "-"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = here
            defer { seek(to: start) }
            return (try? readFound()) ?? Self.found(byte: b)
        default: return Self.found(byte: b)
        }
    }

    // MARK: - Containers

    /// Inside an array after `[` or a value: true when another value follows (consuming
    /// the `,`), false at `]` (consumed).
    func nextElement(first: Bool) throws -> Bool {
        if try consume(UInt8(ascii: "]")) { return false }
        if !first { try expect(UInt8(ascii: ","), .commaOrListEnd) }
        return true
    }

    /// Inside an object after `{` or a value: true when another member follows (consuming
    /// the `,`, the key is next), false at `}` (consumed).
    func nextMember(first: Bool) throws -> Bool {
        if try consume(UInt8(ascii: "}")) { return false }
        if !first { try expect(UInt8(ascii: ","), .commaOrObjectEnd) }
        return true
    }

    /// Reads a member's key and its `:`; returns the position of `key` in `keys`, or nil for
    /// a key not among them. `hint` is where to look first (keys usually come in order).
    func key(in keys: [[UInt8]], hint: Int) throws -> Int? {
        guard try peek() == UInt8(ascii: "\"") else { throw failure(.expected(.key, found: try describeNext())) }
        // Fast path: the whole key is in the buffer and has no escapes.
        var end = index + 1
        while end < count, buffer[end] != UInt8(ascii: "\""), buffer[end] != UInt8(ascii: "\\"), buffer[end] >= 0x20 {
            end += 1
        }
        let found: Int?
        if end < count, buffer[end] == UInt8(ascii: "\"") {
            let bytes = UnsafeBufferPointer(start: buffer + index + 1, count: end - index - 1)
            found = Self.match(bytes, keys, hint: hint)
            if found == nil { unknownKey = Array(bytes) }
            index = end + 1
        } else {
            try readStringBytes()
            found = scratch.withUnsafeBufferPointer { Self.match($0, keys, hint: hint) }
            if found == nil { unknownKey = scratch }
        }
        try expect(UInt8(ascii: ":"), .colon)
        return found
    }

    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, _ keys: [[UInt8]], hint: Int) -> Int? {
        let n = keys.count
        for step in 0..<n {
            let i = (hint + step) % n
            let key = keys[i]
            if key.count == bytes.count, key.elementsEqual(bytes) {
                return i
            }
        }
        return nil
    }

    /// Skips one value of any kind; a duplicate key in an object of it is an error.
    func skipValue(depth: Int = 0) throws {
        guard depth < Self.depthLimit else { throw failure(.nestedTooDeeply(limit: Self.depthLimit)) }
        switch try peek() {
        case UInt8(ascii: "\""): try readStringBytes()
        case UInt8(ascii: "{"):
            index += 1
            var first = true
            var keys = Set<[UInt8]>()
            while try nextMember(first: first) {
                first = false
                let keyMark = try mark()
                _ = try key(in: [], hint: 0)
                guard keys.insert(unknownKey).inserted else {
                    throw failure(.duplicateKey(Self.quoted(String(decoding: unknownKey, as: UTF8.self))), at: keyMark)
                }
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            index += 1
            var first = true
            while try nextElement(first: first) {
                first = false
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): try null()
        default: _ = try numberText()
        }
    }

    // MARK: - Scalars

    /// A string value; `expected` names it in the message when something else is there.
    func string(_ expected: PortfolioProblem.Expected = .text) throws -> String {
        guard try peek() == UInt8(ascii: "\"") else { throw try mismatch(expected) }
        // Fast path: the whole string is in the buffer, without escapes.
        var end = index + 1
        var high: UInt8 = 0
        while end < count {
            let b = buffer[end]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
            high |= b
            end += 1
        }
        if end < count, buffer[end] == UInt8(ascii: "\"") {
            let bytes = UnsafeBufferPointer(start: buffer + index + 1, count: end - index - 1)
            // ASCII needs no check; `String(validating:)` is the slower, generic path.
            let text = high < 0x80 ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
            guard let text else { throw failure(.invalidUTF8) }
            index = end + 1
            return text
        }
        let start = here
        try readStringBytes()
        guard let text = String(validating: scratch, as: UTF8.self) else {
            throw failure(.invalidUTF8, at: start)
        }
        return text
    }

    /// Reads a string (from its opening quote) into `scratch`, escapes resolved.
    private func readStringBytes() throws {
        scratch.removeAll(keepingCapacity: true)
        guard try peek() == UInt8(ascii: "\"") else { throw failure(.expected(.text, found: try describeNext())) }
        index += 1
        while true {
            guard let b = try peekByte() else { throw failure(.endInsideText) }
            index += 1
            switch b {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"): try readEscape()
            case 0..<0x20:
                index -= 1
                throw failure(.controlCharacterInJSONText)
            default: scratch.append(b)
            }
        }
    }

    private func readEscape() throws {
        guard let e = try peekByte() else { throw failure(.endInsideText) }
        index += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard try peekByte() == UInt8(ascii: "\\") else { throw failure(.invalidUnicodeEscape) }
                index += 1
                guard try peekByte() == UInt8(ascii: "u") else { throw failure(.invalidUnicodeEscape) }
                index += 1
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure(.invalidUnicodeEscape) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let s = Unicode.Scalar(scalar) else { throw failure(.invalidUnicodeEscape) }
            scratch.append(contentsOf: String(Character(s)).utf8)
        default:
            index -= 1
            throw failure(.invalidEscape(Self.quoted(String(Character(Unicode.Scalar(e))))))
        }
    }

    private func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = try peekByte() else { throw failure(.endInsideText) }
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw failure(.invalidUnicodeEscape)
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    /// The text of a number as written (checked against JSON's grammar).
    func numberText(_ expected: PortfolioProblem.Expected = .number) throws -> String {
        let first = try peek()
        guard first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw try mismatch(expected)
        }
        let start = here
        scratch.removeAll(keepingCapacity: true)
        while let b = try peekByte(), JSONNumberSyntax.continuesNumber(b) {
            scratch.append(b)
            index += 1
        }
        let text = String(decoding: scratch, as: UTF8.self)
        guard JSONNumberSyntax.isNumber(scratch) else {
            throw failure(.notANumber(Self.quoted(text)), at: start)
        }
        return text
    }

    /// A whole number that fits into `Int64`.
    func int64(_ expected: PortfolioProblem.Expected = .wholeNumber) throws -> Int64 {
        let start = here
        // Fast path: digits straight from the buffer.
        if try peek() != UInt8(ascii: "-") {
            var value: Int64 = 0
            var digits = 0
            var i = index
            while i < count, buffer[i] >= UInt8(ascii: "0"), buffer[i] <= UInt8(ascii: "9"), digits < 18 {
                value = value * 10 + Int64(buffer[i] - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
            if digits > 0, i < count, !JSONNumberSyntax.continuesNumber(buffer[i]), digits == 1 || buffer[index] != UInt8(ascii: "0") {
                index = i
                return value
            }
        }
        let text = try numberText(expected)
        guard let value = Int64(text) else {
            let whole = !text.contains { $0 == "." || $0 == "e" || $0 == "E" }
            throw failure(whole ? .numberOutOfRange(Self.quoted(text)) : .notAWholeNumber(Self.quoted(text)),
                          at: start, recoverable: true)
        }
        return value
    }

    func bool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw try mismatch(.boolean)
        }
    }

    func null() throws {
        guard try peek() == UInt8(ascii: "n") else { throw try mismatch(.null) }
        try literal("null")
    }

    private func literal(_ word: StaticString) throws {
        let start = here
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expected in bytes {
            guard try peekByte() == expected else {
                throw failure(.expected(Self.literalExpectation(word), found: Self.found(byte: (try? peekByte() ?? 0) ?? 0)), at: start)
            }
            index += 1
        }
        if let b = try peekByte(), (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || JSONNumberSyntax.continuesNumber(b) {
            throw failure(.expected(Self.literalExpectation(word), found: Self.found(byte: (try? peekByte() ?? 0) ?? 0)), at: start)
        }
    }

    private static func literalExpectation(_ word: StaticString) -> PortfolioProblem.Expected {
        word.utf8Start.pointee == UInt8(ascii: "n") ? .null : .boolean
    }
}
