import Foundation
import TermCanvas
import Testing

/// A clock that moves only when a test moves it.
final class TestClock {
    private(set) var now: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_780_000_000)) { now = start }

    func advance(by seconds: TimeInterval) { now += seconds }
}

/// A `Terminal` for tests: plays a script of events to the loop and keeps every frame it
/// is given. When the script runs out it answers `.terminate`, so a session always ends,
/// and notes that it ran out (a test of `q` expects it not to).
final class RecordingTerminal: Terminal {
    /// One line of the script.
    enum Step {
        /// Handed to the loop at once; the clock stands still (a key, a resize, a click).
        case event(TerminalEvent)
        /// Nothing arrives: the wait runs out, the clock moves on by the time the loop
        /// asked to wait, and the loop gets `.tick`.
        case timeout
        /// Time passes before the next step, without an event.
        case advance(TimeInterval)
        /// Something happens meanwhile (another process writes, a test looks at the frames);
        /// then the next step follows.
        case perform(() -> Void)

        static func key(_ key: Key) -> Step { .event(.key(key)) }
        static func resize(_ width: Int, _ height: Int) -> Step { .event(.resize(Size(width: width, height: height))) }
        /// Each character typed as a key.
        static func type(_ text: String) -> [Step] { text.map { .key(.char($0)) } }
    }

    private(set) var size: Size
    let isUTF8: Bool
    let clock: TestClock
    /// What is still to come.
    var script: [Step] = []

    private(set) var frames: [Buffer] = []
    private(set) var starts = 0
    private(set) var stops = 0
    private(set) var isRunning = false
    /// The events handed to the loop, in order.
    private(set) var delivered: [TerminalEvent] = []
    /// The timeouts the loop asked for, one per wait.
    private(set) var timeouts: [Int32] = []
    /// True when the loop asked for more after the script ended.
    private(set) var ranOutOfScript = false

    init(size: Size, utf8: Bool = true, clock: TestClock = TestClock()) {
        self.size = size
        self.isUTF8 = utf8
        self.clock = clock
    }

    /// The text of the last frame, one line per row.
    var screen: String { frames.last?.textDump() ?? "" }

    func start() throws {
        starts += 1
        isRunning = true
    }

    func stop() {
        if isRunning { stops += 1 }
        isRunning = false
    }

    func draw(_ buffer: Buffer) {
        if !isRunning { Issue.record("drawn while the terminal is not started") }
        if buffer.size != size {
            Issue.record("a frame of \(buffer.size.width)×\(buffer.size.height) on a terminal of \(size.width)×\(size.height)")
        }
        frames.append(buffer)
    }

    func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent {
        if !isRunning { Issue.record("waited for an event while the terminal is not started") }
        timeouts.append(timeoutMilliseconds)
        while !script.isEmpty {
            switch script.removeFirst() {
            case .event(let event):
                if case .resize(let newSize) = event { size = newSize }
                delivered.append(event)
                return event
            case .timeout:
                clock.advance(by: TimeInterval(timeoutMilliseconds) / 1000)
                delivered.append(.tick)
                return .tick
            case .advance(let seconds):
                clock.advance(by: seconds)
            case .perform(let body):
                body()
            }
        }
        ranOutOfScript = true
        return .terminate
    }
}
