/// The 19 fields of action (Handlungsfelder) of municipal smart-city programmes.
public enum FieldOfAction: String, CaseIterable, Sendable, Codable, Hashable {
    case wasteEmissions = "abfall_emissionen"
    case work = "arbeit"
    case buildingHousing = "bauen_wohnen"
    case educationScience = "bildung_wissenschaft"
    case dataManagement = "datenmanagement"
    case digitalUrbanPlanning = "digitale_stadtplanung"
    case energy = "energie"
    case healthCare = "gesundheit_pflege"
    case infrastructure = "infrastruktur"
    case climateAdaptation = "klimaanpassung"
    case cultureLeisure = "kultur_freizeit"
    case mobility = "mobilitaet"
    case safety = "sicherheit"
    case socialInclusion = "soziale_inklusion"
    case tourism = "tourismus"
    case environmentClimateProtection = "umwelt_klimaschutz"
    case administration = "verwaltung"
    case water = "wasser"
    case economy = "wirtschaft"

    /// The German name as the programmes use it.
    public var germanName: String {
        switch self {
        case .wasteEmissions: "Abfall & Emissionen"
        case .work: "Arbeit"
        case .buildingHousing: "Bauen & Wohnen"
        case .educationScience: "Bildung & Wissenschaft"
        case .dataManagement: "Datenmanagement"
        case .digitalUrbanPlanning: "Digitale Stadtplanung"
        case .energy: "Energie"
        case .healthCare: "Gesundheit & -pflege"
        case .infrastructure: "Infrastruktur"
        case .climateAdaptation: "Klimaanpassung"
        case .cultureLeisure: "Kultur & Freizeit"
        case .mobility: "Mobilität"
        case .safety: "Sicherheit"
        case .socialInclusion: "Soziale Inklusion"
        case .tourism: "Tourismus"
        case .environmentClimateProtection: "Umwelt & Klimaschutz"
        case .administration: "Verwaltung"
        case .water: "Wasser"
        case .economy: "Wirtschaft"
        }
    }

    public var englishName: String {
        switch self {
        case .wasteEmissions: "Waste & emissions"
        case .work: "Work"
        case .buildingHousing: "Building & housing"
        case .educationScience: "Education & science"
        case .dataManagement: "Data management"
        case .digitalUrbanPlanning: "Digital urban planning"
        case .energy: "Energy"
        case .healthCare: "Health & care"
        case .infrastructure: "Infrastructure"
        case .climateAdaptation: "Climate adaptation"
        case .cultureLeisure: "Culture & leisure"
        case .mobility: "Mobility"
        case .safety: "Safety"
        case .socialInclusion: "Social inclusion"
        case .tourism: "Tourism"
        case .environmentClimateProtection: "Environment & climate protection"
        case .administration: "Administration"
        case .water: "Water"
        case .economy: "Economy"
        }
    }
}
