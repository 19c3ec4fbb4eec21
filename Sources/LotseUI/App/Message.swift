import LotseDomain
import TermCanvas

/// Everything that can happen to the app: input from the terminal and results of effects.
public enum Message: Sendable {
    case key(Key)
    case mouse(MouseClick)
    case resize(Size)
    case tick
    /// The process was asked to end (SIGTERM, SIGHUP, SIGINT).
    case terminate
    case portfolioLoaded(Portfolio)
    /// A load, save or import failed; the text says why.
    case failed(String)
}

/// Work the runtime performs for the app; results come back as messages.
public enum Effect: Equatable, Sendable {
    case loadPortfolio
    /// Fill the (empty) database with the sample municipality, then load it.
    case loadSampleData
    case quit
}
