import CLotseSignals
import CNcursesw
import TermCanvas
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncurses: start and restore it, wait for the next event,
/// draw a `Buffer`. The only type in the program that calls curses.
///
/// Not `Sendable`: ncurses keeps global state, so one instance is used from the main
/// thread only. Typical loop:
///
/// ```swift
/// let terminal = NcursesTerminal(theme: .dark)
/// try terminal.start()
/// defer { terminal.stop() }
/// while true {
///     terminal.draw(view(state, terminal.size))
///     switch terminal.nextEvent(timeoutMilliseconds: 500) { ... }
/// }
/// ```
public final class NcursesTerminal {
    private enum Phase { case idle, running, stopped }

    private let theme: Theme
    private let enablesMouse: Bool
    private var phase = Phase.idle
    var isRunning: Bool { phase == .running }
    private var screen: OpaquePointer?
    /// Attributes and colour pair per role, set up in `start()`.
    var styles = RoleStyles()

    /// The frame on screen, to diff the next one against.
    var previousFrame: Buffer?
    /// Set after a resize or a resume: the next `draw` repaints everything.
    var needsFullRepaint = true
    private var lastKnownSize = Size(width: 0, height: 0)

    /// How many colours the terminal shows, decided in `start()`.
    public private(set) var colorDepth: ColorDepth = .none
    /// Whether the locale is UTF-8, decided in `start()` (after `setlocale`). Without it,
    /// draw with ASCII glyphs: other characters come out as "?".
    public private(set) var isUTF8 = false
    /// What a crash writes to give the terminal back, worked out from terminfo in `start()`.
    public private(set) var crashRestoreSequence = ""
    /// `LOTSE_TEST_CRASH`: how to crash after the first frame, for the tests of the crash guard.
    private var testCrash: TestCrash?
    /// The output and the (empty) input of `startWithoutTerminal`, closed with the screen.
    private var detachedFiles: (UnsafeMutablePointer<FILE>, UnsafeMutablePointer<FILE>)?

    /// - Parameters:
    ///   - theme: maps roles to colours; resolved for the terminal's depth in `start()`.
    ///   - mouse: whether to ask for button-1 clicks. Note that while an application has
    ///     the mouse, most terminals select text only with Shift held.
    public init(theme: Theme, mouse: Bool = true) {
        self.theme = theme
        self.enablesMouse = mouse
    }

    deinit {
        stop()
        if let screen { delscreen(screen) }
        if let (out, input) = detachedFiles {
            fclose(out)
            fclose(input)
        }
    }

    /// Takes over the terminal: locale, raw keyboard (Ctrl-C and Ctrl-Z arrive as keys), no
    /// echo, keypad keys, hidden cursor, short Esc delay, mouse clicks, colours. While it runs,
    /// a crash (SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT) gives the terminal back
    /// before the crash report, and stderr is kept aside (written out by `stop()`, or by a
    /// crash) instead of scribbling over the screen. After `stop()`, starting again resumes
    /// the screen at the terminal's current size (e.g. after Ctrl-Z and `fg`).
    ///
    /// Signals are not handled here: install the loop's handlers (`SystemSignals`) before
    /// the first `start()`, so ncurses leaves SIGINT, SIGTERM and SIGTSTP to them.
    ///
    /// - Throws: `NcursesTerminalError` when standard input/output is not a terminal or
    ///   the terminal type is unknown or cannot address the cursor; the terminal is left
    ///   as it was then.
    public func start() throws {
        switch phase {
        case .running:
            return
        case .stopped:
            lotse_crash_guard_remember_modes(STDOUT_FILENO)
            reset_prog_mode()
            phase = .running
            adoptCurrentWindowSize()
            guardAgainstCrashes()
            invalidate()
            return
        case .idle:
            break
        }
        guard lotse_is_a_tty(STDIN_FILENO) == 1, lotse_is_a_tty(STDOUT_FILENO) == 1 else {
            throw NcursesTerminalError.notATerminal
        }
        setlocale(LC_ALL, "")
        isUTF8 = TerminalCapabilities.isUTF8(codeset: String(cString: lotse_codeset()))
        // The modes a crash puts back: the shell's, before newterm changes them.
        lotse_crash_guard_remember_modes(STDOUT_FILENO)
        guard let newScreen = lotse_newterm(nil) else {
            throw NcursesTerminalError.unknownTerminal(term: Self.environment("TERM"))
        }
        guard lotse_can_address_cursor() != 0 else {
            endwin()
            delscreen(newScreen)
            throw NcursesTerminalError.unsupportedTerminal(term: Self.environment("TERM"))
        }
        screen = newScreen
        phase = .running
        leaveLowLevelOutput()
        let window = lotse_stdscr()
        raw()
        noecho()
        keypad(window, true)
        set_escdelay(25)
        if enablesMouse {
            mousemask(lotse_button1_clicked() | lotse_button1_double_clicked(), nil)
        }
        prepareForFrames(noColor: Self.environment("NO_COLOR"))
        crashRestoreSequence = Self.restoreSequence()
        testCrash = TestCrash(environment: Self.environment("LOTSE_TEST_CRASH"))
        guardAgainstCrashes()
    }

    /// Draws into `output` (a file descriptor: a file, a pipe) what a terminal of type
    /// `terminalType` and `size` would get, without a keyboard and without touching the
    /// process's own terminal: `lotse-bench` counts the bytes of each frame this way, as
    /// ncurses diffs and writes them for the real screen. Call instead of `start()`; the
    /// process's locale decides whether the frames are UTF-8, as for the real screen.
    /// `noColor` stands for the `NO_COLOR` the real screen would honour: the caller says
    /// which frames it wants, whatever this process's environment holds.
    ///
    /// - Throws: `NcursesTerminalError.unknownTerminal` when terminfo does not know the
    ///   type, `.notATerminal` when `output` cannot be written.
    public func startWithoutTerminal(writingTo output: Int32, size: Size, terminalType: String = "xterm-256color",
                                     noColor: String? = nil) throws {
        guard phase == .idle else { return }
        isUTF8 = TerminalCapabilities.isUTF8(codeset: String(cString: lotse_codeset()))
        let copy = dup(output)
        guard copy >= 0, let out = fdopen(copy, "w") else {
            if copy >= 0 { close(copy) }
            throw NcursesTerminalError.notATerminal
        }
        guard let input = fopen("/dev/null", "r") else {
            fclose(out)
            throw NcursesTerminalError.notATerminal
        }
        guard let newScreen = newterm(terminalType, out, input) else {
            fclose(out)
            fclose(input)
            throw NcursesTerminalError.unknownTerminal(term: terminalType)
        }
        screen = newScreen
        detachedFiles = (out, input)
        phase = .running
        leaveLowLevelOutput()
        resizeterm(Int32(max(1, size.height)), Int32(max(1, size.width)))
        prepareForFrames(noColor: noColor)
    }

    /// Until the first endwin, ncurses 6.4 takes the program for a low-level terminfo user
    /// and sends its buffer to the terminal after every cursor move: a table page went out
    /// in about thirty writes of 100–400 bytes (strace), each its own read for the terminal
    /// and its own packet over ssh. Leaving and restoring the screen once, before anything
    /// is drawn, ends that: a frame then goes out in writes of up to a screenful.
    private func leaveLowLevelOutput() {
        endwin()
        doupdate()
    }

    /// What both starts do last before the first frame, so that `startWithoutTerminal`
    /// writes what `start()` would: no cursor, the colours, a full first paint.
    private func prepareForFrames(noColor: String?) {
        leaveok(lotse_stdscr(), true)
        curs_set(0)
        setUpColors(noColor: noColor)
        lastKnownSize = currentSize()
        needsFullRepaint = true
    }

    /// Gives the terminal back as it was (cooked mode, echo, cursor, main screen, mouse off),
    /// then writes out what went to stderr meanwhile. Safe to call twice; `deinit` calls it too.
    public func stop() {
        guard phase == .running else { return }
        if detachedFiles != nil {
            endwin()
            phase = .stopped
            return
        }
        endwin()
        lotse_crash_guard_disarm()
        lotse_stderr_capture_end()
        phase = .stopped
    }

    /// The terminal's size in cells (the last known size when not running).
    public var size: Size {
        guard phase == .running else { return lastKnownSize }
        return currentSize()
    }

    /// Makes the next `draw` repaint the whole screen (e.g. for Ctrl-L after another
    /// program scribbled on the terminal).
    public func invalidate() {
        needsFullRepaint = true
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for the next event.
    ///
    /// `.resize` carries the new size and makes the next draw a full repaint; `.tick`
    /// means the time ran out or nothing usable arrived (an unknown key, a mouse event
    /// other than a button-1 click), or a signal the loop handles is pending
    /// (`SystemSignals`: the wait returns at once then, and a signal interrupts it).
    /// Before `start()` or after `stop()`: `.terminate`.
    public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent {
        guard phase == .running else { return .terminate }
        if lotse_signals_pending() != 0 { return .tick }
        let window = lotse_stdscr()
        wtimeout(window, timeoutMilliseconds)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        switch status {
        case lotse_key_code_yes():
            return event(forKeyCode: Int32(truncatingIfNeeded: code))
        case lotse_ok():
            return KeyMapper.key(forCharacter: UInt32(truncatingIfNeeded: code)).map(TerminalEvent.key) ?? .tick
        default:
            return .tick
        }
    }

    // MARK: - Private

    private func event(forKeyCode code: Int32) -> TerminalEvent {
        switch code {
        case CursesKeyCode.resize:
            lastKnownSize = currentSize()
            invalidate()
            return .resize(lastKnownSize)
        case CursesKeyCode.mouse:
            return mouseEvent() ?? .tick
        default:
            return KeyMapper.key(forKeyCode: code).map(TerminalEvent.key) ?? .tick
        }
    }

    private func mouseEvent() -> TerminalEvent? {
        var x: Int32 = 0, y: Int32 = 0
        var buttons: mmask_t = 0
        guard lotse_get_mouse(&x, &y, &buttons) == lotse_ok() else { return nil }
        let clicks = lotse_button1_clicked() | lotse_button1_double_clicked() | lotse_button1_pressed()
        guard buttons & clicks != 0 else { return nil }
        return .mouse(MouseClick(x: Int(x), y: Int(y), button: 1))
    }

    /// Arms the crash guard with the restoring sequence and keeps stderr aside.
    private func guardAgainstCrashes() {
        _ = crashRestoreSequence.withCString { lotse_crash_guard_arm(STDOUT_FILENO, $0, strlen($0)) }
        _ = lotse_stderr_capture_begin()
    }

    /// The escape sequences that give the terminal back, from terminfo: attributes and colours
    /// reset, mouse reporting off, keypad back to normal, cursor visible, main screen.
    private static func restoreSequence() -> String {
        let parts = [lotse_string_capability("sgr0"), lotse_string_capability("op"), lotse_mouse_off_sequence(),
                     lotse_string_capability("rmkx"), lotse_string_capability("cnorm"),
                     lotse_string_capability("rmcup")]
        return parts.map { String(cString: $0!) }.joined()
    }

    /// After a pause (Ctrl-Z) the terminal may have another size; ncurses learns of it only
    /// by SIGWINCH, which went to the shell meanwhile.
    private func adoptCurrentWindowSize() {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return }
        if is_term_resized(Int32(size.ws_row), Int32(size.ws_col)) {
            resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        }
        lastKnownSize = currentSize()
    }

    /// Crashes as `LOTSE_TEST_CRASH` asks, once a frame is on screen (see `draw`).
    func crashIfAskedAfterFirstFrame() {
        guard let crash = testCrash else { return }
        testCrash = nil
        crash.perform()
    }

    func currentSize() -> Size {
        let window = lotse_stdscr()
        return Size(width: Int(lotse_max_x(window)), height: Int(lotse_max_y(window)))
    }

    private func setUpColors(noColor: String?) {
        var defaultColors = false
        colorDepth = .none
        // start_color only when colour is wanted: it makes pair 0 white on black.
        if TerminalCapabilities.allowsColor(noColor: noColor, hasColors: has_colors()) {
            start_color()
            colorDepth = TerminalCapabilities.colorDepth(
                noColor: noColor, hasColors: true, colors: Int(lotse_colors()))
            defaultColors = use_default_colors() == lotse_ok()
        }
        let resolved = theme.resolve(depth: colorDepth)
        let pairs = ColorPairTable(
            styles: resolved, depth: colorDepth, colorCount: Int(lotse_colors()),
            pairLimit: Int(lotse_color_pairs()), defaultColorsAvailable: defaultColors)
        for definition in pairs.definitions {
            init_pair(definition.number, definition.foreground, definition.background)
        }
        styles = RoleStyles(resolved: resolved, pairs: pairs)
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
