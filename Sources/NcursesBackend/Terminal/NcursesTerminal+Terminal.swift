import TermCanvas

/// The main loop drives the real terminal through the same protocol as a test's double.
extension NcursesTerminal: Terminal {}
