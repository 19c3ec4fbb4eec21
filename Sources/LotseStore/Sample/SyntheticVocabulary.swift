import Foundation
import LotseDomain

/// German words and phrases from which `SyntheticPortfolio` builds names and texts.
enum Vocabulary {
    // MARK: - Places and people

    static let placePrefixes = ["Alt", "Neu", "Ober", "Nieder", "Groß", "Klein", "Hohen", "Bad "]
    static let placeStems = ["Lind", "Buch", "Eich", "Birk", "Hasel", "Erl", "Wald", "Moor", "Heid", "Sand",
                             "Stein", "Rosen", "Mühl", "Brunn", "Kirch", "Wester", "Oster", "Sonnen", "Falken",
                             "Hirsch", "Wolfs", "Fisch", "Weiden", "Tann", "Ahorn", "Lerchen", "Roth", "Hollen",
                             "Bram", "Everts", "Diepen", "Wulfs", "Harse", "Lüne", "Schön", "Elm", "Fuhr"]
    static let placeSuffixes = ["au", "bach", "berg", "burg", "dorf", "feld", "hagen", "hausen", "heim", "ingen",
                                "stedt", "tal", "walde", "wede", "rode", "beck", "büttel", "born", "brück", "hude"]
    static let placeAdditions = [" am See", " an der Aue", " (Heide)", " am Moor", " an der Lotse"]

    /// `Lindau`, `Neuhasel­bach`, `Bad Steinfeld`, `Moorhausen am See`.
    static func placeName(_ rng: inout SplitMix64) -> String {
        var name = rng.pick(placeStems) + rng.pick(placeSuffixes)
        if rng.chance(30) {
            let prefix = rng.pick(placePrefixes)
            name = prefix.hasSuffix(" ") ? prefix + name : prefix + name.lowercased()
        }
        if rng.chance(8) { name += rng.pick(placeAdditions) }
        return name
    }

    static let surnames = ["mueller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker",
                           "schulz", "hoffmann", "koch", "richter", "klein", "wolf", "schroeder", "neumann",
                           "braun", "zimmermann", "krueger", "hartmann", "lange", "werner", "krause", "lehmann",
                           "koehler", "brandt", "peters", "vogel", "friedrich", "jansen", "ahrens", "oltmanns"]

    /// A user name such as `j.brandt`.
    static func author(_ rng: inout SplitMix64) -> String {
        String(rng.pick(Array("abcdefghijklmnoprstuvw"))) + "." + rng.pick(surnames)
    }

    static let departments = ["Amt für Digitalisierung", "Bauamt", "Ordnungsamt", "Hauptamt", "Kämmerei",
                              "Schulverwaltungsamt", "Umweltamt", "Wirtschaftsförderung", "Tiefbauamt",
                              "Bürgeramt", "Sozialamt", "Stabsstelle Smart City", "Amt für Verkehr und Mobilität",
                              "Grünflächenamt", "Kulturamt", "Feuerwehr"]

    static func owner(_ m: Municipality, _ rng: inout SplitMix64) -> String {
        if rng.chance(10) { return "Stadtwerke " + m.name.replacingOccurrences(of: "Landkreis ", with: "") }
        if m.kind == .county && rng.chance(50) { return "Kreisverwaltung – " + rng.pick(departments) }
        return rng.pick(departments)
    }

    static let fundingSources = ["MPSC", "MPSC", "Landesprogramm Digitale Kommune", "EFRE", "LEADER",
                                 "Förderaufruf Smarte Region", "Bundesprogramm Klimaanpassung"]

    // MARK: - Projects

    static func projectName(_ field: FieldOfAction, _ rng: inout SplitMix64) -> String {
        rng.pick(projectNouns[field] ?? ["Digitalprojekt"]) + (rng.chance(45) ? rng.pick(projectQualifiers) : "")
    }

    static let projectQualifiers = [" Innenstadt", " Ortskern", " Nord", " Süd", " im Quartier", " 2.0",
                                    " (Pilot)", " Gewerbegebiet", " am Bahnhof", " Altstadt", " für alle"]

    static let projectNouns: [FieldOfAction: [String]] = [
        .wasteEmissions: ["Smarte Abfallbehälter", "Füllstandssensoren Glascontainer", "Luftgütemessnetz",
                          "Routenplanung Müllabfuhr"],
        .work: ["Coworking-Space", "Digitale Jobbörse", "Mobiles Arbeiten Verwaltung", "Fachkräfteportal"],
        .buildingHousing: ["Digitaler Bauantrag", "Leerstandsmelder", "Quartiersplattform", "Smart-Home-Beratung"],
        .educationScience: ["Digitale Schule", "MakerSpace", "Lernplattform VHS", "Bibliothek 24/7", "Schul-WLAN"],
        .dataManagement: ["Urbane Datenplattform", "Open-Data-Portal", "Datenkatalog", "Kommunaldaten-Cockpit"],
        .digitalUrbanPlanning: ["Digitaler Zwilling", "3D-Stadtmodell", "Bauleitplanung online", "Geoportal"],
        .energy: ["Energiemonitoring Liegenschaften", "Smarte Straßenbeleuchtung", "Quartiersstrom",
                  "Solarkataster", "Ladeinfrastruktur"],
        .healthCare: ["Telemedizin", "Digitale Pflegeberatung", "Notfall-App", "Gesundheitskiosk"],
        .infrastructure: ["LoRaWAN-Funknetz", "Glasfaser-Lückenschluss", "Öffentliches WLAN", "Sensorplattform"],
        .climateAdaptation: ["Bodensensoren Stadtbäume", "Starkregen-Frühwarnung", "Hitzeschutz digital",
                             "Gründach-Kataster"],
        .cultureLeisure: ["Digitaler Museumsguide", "Veranstaltungskalender", "Freibad-Auslastung", "Kulturpass-App"],
        .mobility: ["Smarte Parkraumlenkung", "Bürgerbus auf Abruf", "Mobilitätsstation", "Radverkehrszählung",
                    "Echtzeit-Fahrgastinfo"],
        .safety: ["Digitale Einsatzplanung", "Warn-App", "Pegelmessnetz", "Lagebild Katastrophenschutz"],
        .socialInclusion: ["Digitallotsen für Ältere", "Barrierefreie Stadt-App", "Nachbarschaftsplattform",
                           "Digitale Sprechstunde"],
        .tourism: ["Tourismus-App", "Besucherlenkung", "Digitale Wanderwege", "Gästekarte digital"],
        .environmentClimateProtection: ["CO₂-Bilanz digital", "Klimadashboard", "Umweltsensorik",
                                        "Wassergüte-Monitoring"],
        .administration: ["Stadt-App", "Online-Beteiligung", "E-Akte", "Digitales Bürgeramt",
                          "KI-Assistenz Bürgeranfragen", "Terminvergabe online"],
        .water: ["Smarte Wasserzähler", "Leckageortung Trinkwasser", "Kanalnetz-Sensorik", "Zisternen-Steuerung"],
        .economy: ["Digitaler Marktplatz", "Frequenzmessung Innenstadt", "Gründerportal", "Lieferdienst lokal"],
    ]

    // MARK: - Report texts

    static let monthNames = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                             "Oktober", "November", "Dezember"]
    static let milestones = ["Anforderungsanalyse", "Ausschreibung", "Vergabe", "Pilotbetrieb", "Schulung",
                             "Datenschutz-Folgenabschätzung", "Schnittstelle zum Fachverfahren", "Evaluation",
                             "Öffentlichkeitsarbeit", "Rollout"]

    static func achieved(_ light: Light, _ month: YearMonth, _ rng: inout SplitMix64) -> String {
        let m = rng.pick(milestones)
        switch (light, rng.int(0...3)) {
        case (.red, _): return "\(m) verzögert; im \(monthNames[month.month - 1]) kaum Fortschritt."
        case (.yellow, 0): return "\(m) begonnen, Zeitplan angespannt."
        case (_, 0): return "Meilenstein „\(m)“ abgeschlossen."
        case (_, 1): return "\(rng.int(12...900)) neue Nutzende im \(monthNames[month.month - 1])."
        case (_, 2): return "\(m) mit dem Fachamt abgestimmt."
        default: return "Betrieb stabil; \(rng.int(2...40)) Rückmeldungen ausgewertet."
        }
    }

    static let nextStepTexts = ["Auswertung der Pilotphase", "Vergabe vorbereiten", "Workshop mit dem Fachamt",
                                "Rollout auf weitere Ortsteile", "Datenschutz-Folgenabschätzung abschließen",
                                "Verstetigung mit der Kämmerei abstimmen", "Nutzerbefragung durchführen",
                                "Schnittstelle testen", "Ergebnisse im Ausschuss vorstellen"]

    static func nextSteps(_ rng: inout SplitMix64) -> String { rng.pick(nextStepTexts) + "." }

    static func risksAndMeasures(_ light: Light, _ rng: inout SplitMix64) -> String {
        switch light {
        case .green: return rng.chance(30) ? "" : "Keine akuten Risiken."
        case .yellow, .red:
            let c = rng.pick(Challenge.allCases)
            return riskTitle(c, &rng) + "; " + measure(c, &rng) + "."
        }
    }

    // MARK: - Risks

    static func riskTitle(_ c: Challenge, _ rng: inout SplitMix64) -> String {
        switch c {
        case .backing: rng.pick(["Politischer Rückhalt schwindet", "Priorität der Verwaltungsspitze unklar"])
        case .money: rng.pick(["Betrieb nach Förderende ungesichert", "Kostensteigerung bei Hardware"])
        case .cooperation: rng.pick(["Fachämter liefern Daten spät", "Zuständigkeiten zwischen Ämtern offen"])
        case .staff: rng.pick(["Projektstelle unbesetzt", "Schlüsselperson geht in Elternzeit"])
        case .competences: rng.pick(["Fehlendes Know-how im Betrieb", "Schulungsbedarf unterschätzt"])
        case .transferability: rng.pick(["Lösung schwer übertragbar", "Proprietäre Schnittstellen"])
        case .technologyIntoProcedures: rng.pick(["Anbindung an Fachverfahren fehlt", "Medienbruch im Prozess"])
        case .procurement: rng.pick(["Vergabeverfahren verzögert sich", "Keine wirtschaftlichen Angebote"])
        case .fundingRequirements: rng.pick(["Mittelabruf verspätet", "Förderauflagen schränken Betrieb ein"])
        case .externalObstacles: rng.pick(["Lieferengpass bei Sensoren", "Baustelle blockiert Standort"])
        }
    }

    static func measure(_ c: Challenge, _ rng: inout SplitMix64) -> String {
        switch c {
        case .backing: rng.pick(["Bericht im Ausschuss", "Termin mit der Bürgermeisterin"])
        case .money: rng.pick(["Haushaltsansatz angemeldet", "Betreibermodell prüfen"])
        case .cooperation: rng.pick(["Datenpatenschaften je Amt", "Lenkungskreis monatlich"])
        case .staff: rng.pick(["Ausschreibung der Stelle", "Vertretung geregelt"])
        case .competences: rng.pick(["Schulungsplan erstellt", "Kooperation mit der Hochschule"])
        case .transferability: rng.pick(["Offene Standards vereinbart", "Dokumentation für Nachnutzer"])
        case .technologyIntoProcedures: rng.pick(["Schnittstelle beauftragt", "Prozess neu modelliert"])
        case .procurement: rng.pick(["Markterkundung", "Losaufteilung geändert"])
        case .fundingRequirements: rng.pick(["Abstimmung mit dem Fördergeber", "Mittelabruf vorgezogen"])
        case .externalObstacles: rng.pick(["Zweitlieferant angefragt", "Alternativer Standort"])
        }
    }

    // MARK: - KPIs

    struct KPITemplate {
        var name: String
        var unit: String
        /// Target range, scaled by 10^decimals.
        var target: ClosedRange<Int>
        var decimals: Int
        var direction: KPIDirection
        /// Where readings start, in per cent of the target.
        var startPercent: ClosedRange<Int>
    }

    static let kpis = [
        KPITemplate(name: "Nutzende pro Monat", unit: "Personen", target: 200...5_000, decimals: 0,
                    direction: .higherIsBetter, startPercent: 5...40),
        KPITemplate(name: "Angebundene Sensoren", unit: "Stück", target: 20...400, decimals: 0,
                    direction: .higherIsBetter, startPercent: 0...30),
        KPITemplate(name: "Verfügbarkeit", unit: "%", target: 990...999, decimals: 1,
                    direction: .higherIsBetter, startPercent: 94...99),
        KPITemplate(name: "Bearbeitungsdauer", unit: "Tage", target: 2...20, decimals: 0,
                    direction: .lowerIsBetter, startPercent: 150...300),
        KPITemplate(name: "Zufriedenheit", unit: "Punkte", target: 40...48, decimals: 1,
                    direction: .higherIsBetter, startPercent: 70...95),
        KPITemplate(name: "CO₂-Einsparung", unit: "t", target: 10...500, decimals: 0,
                    direction: .higherIsBetter, startPercent: 0...20),
        KPITemplate(name: "Online-Anteil Anträge", unit: "%", target: 40...90, decimals: 0,
                    direction: .higherIsBetter, startPercent: 10...50),
        KPITemplate(name: "Störungen", unit: "Anzahl", target: 1...5, decimals: 0,
                    direction: .lowerIsBetter, startPercent: 200...500),
        KPITemplate(name: "Offene Datensätze", unit: "Stück", target: 20...200, decimals: 0,
                    direction: .higherIsBetter, startPercent: 0...30),
        KPITemplate(name: "Energieverbrauch", unit: "MWh", target: 50...800, decimals: 0,
                    direction: .lowerIsBetter, startPercent: 120...180),
    ]

    /// `value` × 10^-decimals, exactly.
    static func decimal(_ value: Int, decimals: Int) -> Decimal {
        Decimal(sign: value < 0 ? .minus : .plus, exponent: -decimals, significand: Decimal(abs(value)))
    }
}
