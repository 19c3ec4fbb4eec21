import Foundation
import NcursesBackend
import TermCanvas

/// What a frame costs on the wire, measured: ncurses draws each frame as it would for a
/// terminal (`xterm-256color`, the bench's screen size, the dark theme), with its own
/// diff against the frame before, into a file instead of a terminal, and the file grows by
/// the bytes a terminal would receive. Also times that drawing (the diff handed to curses,
/// ncurses' update and the write), which the runtime pays for every frame.
final class FrameMeter {
    private let terminal = NcursesTerminal(theme: .dark, mouse: false)
    private let file: Int32

    /// - Throws: when no temporary file can be made or terminfo lacks `xterm-256color`.
    init(size: Size) throws {
        // The frames are UTF-8, as on a user's terminal, even when the bench runs in the C locale.
        setlocale(LC_ALL, "")
        if !TerminalCapabilities.isUTF8(codeset: String(cString: nl_langinfo(nl_item(CODESET)))) {
            setlocale(LC_ALL, "C.UTF-8")
        }
        var template = Array((NSTemporaryDirectory() + "/lotse-bench-frames-XXXXXX").utf8CString)
        file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { throw CocoaError(.fileWriteUnknown) }
        // The open descriptor keeps the file until it is closed.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        do {
            try terminal.startWithoutTerminal(writingTo: file, size: size)
        } catch {
            close(file)
            throw error
        }
        _ = taken()  // what ncurses writes on starting
    }

    deinit {
        terminal.stop()
        close(file)
    }

    /// Draws `buffer` as the runtime does (ASCII glyphs when the locale is not UTF-8);
    /// returns the bytes written for it and the time the drawing took. `whole`: paint
    /// the whole screen, as the first frame of a process does.
    func draw(_ buffer: Buffer, whole: Bool = false) -> (bytes: Int, ms: Double) {
        if whole { terminal.invalidate() }
        let start = Measure.clock.now
        terminal.draw(terminal.isUTF8 ? buffer : AsciiFallback.apply(to: buffer))
        let ms = Measure.milliseconds(Measure.clock.now - start)
        return (taken(), ms)
    }

    /// The bytes written since the last call; the file starts empty again.
    private func taken() -> Int {
        fflush(nil)
        let written = lseek(file, 0, SEEK_CUR)
        _ = ftruncate(file, 0)
        _ = lseek(file, 0, SEEK_SET)
        return Int(max(0, written))
    }
}
