/// The three phases of the model by which smart city becomes permanent (Trendreport 2025).
public enum Phase: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case experimentation = "experimentieren"
    case transfer = "transferieren"
    case establishment = "etablieren"

    public var number: Int {
        switch self {
        case .experimentation: 1
        case .transfer: 2
        case .establishment: 3
        }
    }

    public var germanName: String {
        switch self {
        case .experimentation: "Experimentieren"
        case .transfer: "Transferieren"
        case .establishment: "Etablieren"
        }
    }

    public var englishName: String {
        switch self {
        case .experimentation: "Experimentation"
        case .transfer: "Transfer"
        case .establishment: "Establishment"
        }
    }

    public static func < (a: Phase, b: Phase) -> Bool { a.number < b.number }
}

/// Traffic light of a status report.
public enum Light: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case green = "gruen"
    case yellow = "gelb"
    case red = "rot"

    /// Severity: green 0, yellow 1, red 2.
    public var severity: Int {
        switch self {
        case .green: 0
        case .yellow: 1
        case .red: 2
        }
    }

    public var germanName: String {
        switch self {
        case .green: "grün"
        case .yellow: "gelb"
        case .red: "rot"
        }
    }

    public var englishName: String {
        switch self {
        case .green: "green"
        case .yellow: "yellow"
        case .red: "red"
        }
    }

    public static func < (a: Light, b: Light) -> Bool { a.severity < b.severity }
}

/// The four kinds of smart-city solutions.
public enum SolutionKind: String, CaseIterable, Sendable, Codable, Hashable {
    case digitalInfrastructure = "infrastruktur"
    case applicationScenario = "anwendung"
    case offerOrSolution = "angebot"
    case participation = "beteiligung"

    public var germanName: String {
        switch self {
        case .digitalInfrastructure: "Digitale Infrastruktur"
        case .applicationScenario: "Anwendungsszenario"
        case .offerOrSolution: "Angebot/Lösung"
        case .participation: "Beteiligung"
        }
    }

    public var englishName: String {
        switch self {
        case .digitalInfrastructure: "Digital infrastructure"
        case .applicationScenario: "Application scenario"
        case .offerOrSolution: "Offer or solution"
        case .participation: "Participation"
        }
    }
}

/// The ten typical challenges of smart-city projects; used as risk categories.
public enum Challenge: String, CaseIterable, Sendable, Codable, Hashable {
    case backing = "rueckhalt"
    case money = "finanzen"
    case cooperation = "zusammenarbeit"
    case staff = "personal"
    case competences = "kompetenzen"
    case transferability = "uebertragbarkeit"
    case technologyIntoProcedures = "technik_verfahren"
    case procurement = "vergabe"
    case fundingRequirements = "foerderauflagen"
    case externalObstacles = "externe_hindernisse"

    public var number: Int { Challenge.allCases.firstIndex(of: self)! + 1 }

    /// Short German label for tables and tiles.
    public var germanName: String {
        switch self {
        case .backing: "Rückhalt"
        case .money: "Finanzmittel"
        case .cooperation: "Ämterzusammenarbeit"
        case .staff: "Personal"
        case .competences: "Kompetenzen"
        case .transferability: "Übertragbarkeit"
        case .technologyIntoProcedures: "Technik in Verfahren"
        case .procurement: "Vergabe"
        case .fundingRequirements: "Förderauflagen"
        case .externalObstacles: "Externe Hindernisse"
        }
    }

    public var englishName: String {
        switch self {
        case .backing: "Backing"
        case .money: "Financial resources"
        case .cooperation: "Inter-departmental cooperation"
        case .staff: "Staff"
        case .competences: "Competences"
        case .transferability: "Transferability"
        case .technologyIntoProcedures: "Technology into procedures"
        case .procurement: "Procurement"
        case .fundingRequirements: "Funding requirements"
        case .externalObstacles: "External obstacles"
        }
    }
}

/// What happens to a project after its funding (Verstetigung).
public enum ContinuationDecision: String, CaseIterable, Sendable, Codable, Hashable {
    case open = "offen"
    case ownBudget = "haushalt"
    case scaleAndTransfer = "skalieren"
    case rebuild = "neu_aufsetzen"
    case stop = "beenden"

    public var germanName: String {
        switch self {
        case .open: "offen"
        case .ownBudget: "Haushalt"
        case .scaleAndTransfer: "Skalieren"
        case .rebuild: "Neustart"
        case .stop: "Beenden"
        }
    }

    public var englishName: String {
        switch self {
        case .open: "open"
        case .ownBudget: "own budget"
        case .scaleAndTransfer: "scale & transfer"
        case .rebuild: "rebuild"
        case .stop: "stop"
        }
    }
}

public enum MunicipalityKind: String, CaseIterable, Sendable, Codable, Hashable {
    case city = "stadt"
    case county = "landkreis"
    case municipality = "gemeinde"

    public var germanName: String {
        switch self {
        case .city: "Stadt"
        case .county: "Landkreis"
        case .municipality: "Gemeinde"
        }
    }
}

/// Whether a KPI improves by going up or down.
public enum KPIDirection: String, CaseIterable, Sendable, Codable, Hashable {
    case higherIsBetter = "hoeher"
    case lowerIsBetter = "niedriger"
}
