import LotseDomain

/// The texts of refused data files (portfolio JSON, and the frame around the problems of
/// TOML files), in one language: `describe(_:)` turns a `FileErrorReport` into the message
/// `lotse` prints. Both tables list every value, so the compiler holds each language complete.
public struct DataFileStrings: Sendable {
    public typealias P = PortfolioProblem

    public var language: Language

    // MARK: Headlines

    /// `<file>: 3 problems, the file was not used:`
    public var refused: @Sendable (_ file: String, _ count: Int) -> String
    /// After the list when a syntax error stopped the reading.
    public var stoppedNote: String
    public var unreadable: @Sendable (_ file: String, _ reason: String) -> String
    public var notInstalled: @Sendable (_ file: String, _ searched: String) -> String
    /// Behind a TOML syntax error.
    public var tomlSyntax: String
    /// `… and 12 more`
    public var more: @Sendable (_ count: Int) -> String

    // MARK: Parts

    public var found: @Sendable (P.Found) -> String
    public var expected: @Sendable (P.Expected) -> String
    public var subject: @Sendable (P.Subject) -> String
    /// `project id` (duplicates), and the noun for an id (`project: the id is empty`).
    public var identity: @Sendable (P.Identity) -> String
    public var identityNoun: @Sendable (P.Identity) -> String
    public var reportText: @Sendable (P.ReportText) -> String

    // MARK: Reading

    public var cannotRead: @Sendable (_ reason: String) -> String
    public var unexpectedEnd: String
    public var endInsideText: String
    public var expectedFound: @Sendable (_ expected: String, _ found: String) -> String
    public var trailingContent: @Sendable (_ found: String) -> String
    public var nestedTooDeeply: @Sendable (_ limit: Int) -> String
    public var invalidUTF8: String
    public var controlCharacterInJSONText: String
    public var invalidEscape: @Sendable (_ escape: String) -> String
    public var invalidUnicodeEscape: String
    public var notANumber: @Sendable (_ text: String) -> String
    public var notAWholeNumber: @Sendable (_ text: String) -> String
    public var numberOutOfRange: @Sendable (_ text: String) -> String
    public var notADecimal: @Sendable (_ text: String) -> String
    public var notAMonth: @Sendable (_ text: String) -> String
    public var notATimestamp: @Sendable (_ text: String) -> String
    public var notADay: @Sendable (_ text: String) -> String
    /// `'lila' is not a phase; allowed: …`
    public var notAChoice: @Sendable (_ text: String, _ choice: P.Choice, _ allowed: [String]) -> String
    public var duplicateKey: @Sendable (_ key: String) -> String
    public var missingField: @Sendable (_ field: String) -> String
    public var negativeVersion: @Sendable (_ version: Int) -> String
    public var newerVersion: @Sendable (_ found: Int, _ supported: Int) -> String
    public var fileChanged: String

    // MARK: Checks

    public var duplicate: @Sendable (_ what: String, _ id: String) -> String
    public var emptyID: @Sendable (_ noun: String) -> String
    public var controlCharacterInID: @Sendable (_ noun: String, _ id: String, _ character: String) -> String
    public var controlCharacterInName: @Sendable (_ subject: String, _ character: String) -> String
    public var controlCharacterInText: @Sendable (_ subject: String, _ field: String, _ character: String) -> String
    public var negativePopulation: @Sendable (_ subject: String) -> String
    public var unknownMunicipality: @Sendable (_ subject: String, _ municipality: String) -> String
    public var negativeBudget: @Sendable (_ subject: String) -> String
    public var fundingEndBeforeStart: @Sendable (_ subject: String, _ end: String, _ start: String) -> String
    public var emptyName: @Sendable (_ subject: String) -> String
    public var moneyBeyondLimit: @Sendable (_ subject: String, _ spent: Bool, _ euros: Int64, _ limit: Int64) -> String
    public var unknownProject: @Sendable (_ subject: String, _ project: String) -> String
    public var unknownKPI: @Sendable (_ subject: String) -> String
    public var progressOutOfRange: @Sendable (_ subject: String, _ value: Int) -> String
    public var negativeSpent: @Sendable (_ subject: String) -> String
    public var probabilityOutOfRange: @Sendable (_ subject: String, _ value: Int) -> String
    public var impactOutOfRange: @Sendable (_ subject: String, _ value: Int) -> String
    public var revisionBelowOne: @Sendable (_ subject: String, _ value: Int) -> String
    public var negativeFollowUp: @Sendable (_ subject: String) -> String

    public static func forLanguage(_ l: Language) -> DataFileStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    // MARK: - Rendering

    /// The whole message: the headline, one line per problem (`file:line:column: path: …`),
    /// how many more there are, and whether reading stopped.
    public func describe(_ report: FileErrorReport) -> String {
        switch report.headline {
        case .unreadable(let reason):
            return unreadable(report.file, reason)
        case .notInstalled(let searched):
            return notInstalled(report.file, searched.joined(separator: ", "))
        case .refused, .refusedStopped:
            var lines = [refused(report.file, report.items.count + report.omitted)]
            for item in report.items { lines.append("  " + line(item, file: report.file, toml: report.tomlSyntax)) }
            if report.omitted > 0 { lines.append("  " + more(report.omitted)) }
            if report.headline == .refusedStopped { lines.append("  " + stoppedNote) }
            return lines.joined(separator: "\n")
        }
    }

    /// One problem with its place.
    func line(_ item: FileErrorReport.Item, file: String, toml: Bool) -> String {
        switch item {
        case .portfolio(let p):
            return Self.place(file, p.line, p.column, p.path) + message(p.kind)
        case .text(let line, let column, let what, let text):
            return Self.place(file, line, column, what) + text + (toml ? " " + tomlSyntax : "")
        }
    }

    static func place(_ file: String, _ line: Int?, _ column: Int?, _ path: String) -> String {
        var out = file
        if let line {
            out += ":\(line)"
            if let column { out += ":\(column)" }
        }
        out += ": "
        return path.isEmpty ? out : out + path + ": "
    }

    /// The sentence for one kind of problem.
    public func message(_ kind: P.Kind) -> String {
        switch kind {
        case .unreadable(let reason): cannotRead(reason)
        case .unexpectedEnd: unexpectedEnd
        case .endInsideText: endInsideText
        case .expected(let e, let f): expectedFound(expected(e), found(f))
        case .trailingContent(let f): trailingContent(found(f))
        case .nestedTooDeeply(let limit): nestedTooDeeply(limit)
        case .invalidUTF8: invalidUTF8
        case .controlCharacterInJSONText: controlCharacterInJSONText
        case .invalidEscape(let e): invalidEscape(e)
        case .invalidUnicodeEscape: invalidUnicodeEscape
        case .notANumber(let t): notANumber(t)
        case .notAWholeNumber(let t): notAWholeNumber(t)
        case .numberOutOfRange(let t): numberOutOfRange(t)
        case .notADecimal(let t): notADecimal(t)
        case .notAMonth(let t): notAMonth(t)
        case .notATimestamp(let t): notATimestamp(t)
        case .notADay(let t): notADay(t)
        case .notAChoice(let t, let choice, let allowed): notAChoice(t, choice, allowed)
        case .duplicateKey(let k): duplicateKey(k)
        case .missingField(let f): missingField(f)
        case .negativeVersion(let v): negativeVersion(v)
        case .newerVersion(let found, let supported): newerVersion(found, supported)
        case .fileChanged: fileChanged
        case .duplicate(let what, let id): duplicate(identity(what), id)
        case .emptyID(let what): emptyID(identityNoun(what))
        case .controlCharacterInID(let what, let id, let c): controlCharacterInID(identityNoun(what), id, c)
        case .controlCharacterInName(let s, let c): controlCharacterInName(subject(s), c)
        case .controlCharacterInText(let s, let field, let c): controlCharacterInText(subject(s), reportText(field), c)
        case .negativePopulation(let s): negativePopulation(subject(s))
        case .unknownMunicipality(let s, let m): unknownMunicipality(subject(s), m)
        case .negativeBudget(let s): negativeBudget(subject(s))
        case .fundingEndBeforeStart(let s, let end, let start): fundingEndBeforeStart(subject(s), end, start)
        case .emptyName(let s): emptyName(subject(s))
        case .moneyBeyondLimit(let s, let spent, let euros, let limit): moneyBeyondLimit(subject(s), spent, euros, limit)
        case .unknownProject(let s, let p): unknownProject(subject(s), p)
        case .unknownKPI(let s): unknownKPI(subject(s))
        case .progressOutOfRange(let s, let v): progressOutOfRange(subject(s), v)
        case .negativeSpent(let s): negativeSpent(subject(s))
        case .probabilityOutOfRange(let s, let v): probabilityOutOfRange(subject(s), v)
        case .impactOutOfRange(let s, let v): impactOutOfRange(subject(s), v)
        case .riskClosedWhileOpen(let s, let closed):
            RiskChangeStrings.forLanguage(language).closedWhileOpen(subject(s), closed)
        case .riskClosedBeforeRaised(let s, let closed, let raised):
            RiskChangeStrings.forLanguage(language).closedBeforeRaised(subject(s), closed, raised)
        case .revisionBelowOne(let s, let v): revisionBelowOne(subject(s), v)
        case .negativeFollowUp(let s): negativeFollowUp(subject(s))
        }
    }

    /// Whole euros with a separator every three digits.
    static func grouped(_ value: Int64, _ separator: String) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    // MARK: - German

    public static let german = DataFileStrings(
        language: .german,
        refused: { file, n in "\(file): \(n == 1 ? "1 Problem" : "\(n) Probleme"), die Datei wurde nicht übernommen:" },
        stoppedNote: "(Das Lesen endete beim letzten Problem; der Rest der Datei wurde nicht geprüft.)",
        unreadable: { "\($0): kann nicht gelesen werden (\($1))" },
        notInstalled: { "\($0) ist nicht installiert; gesucht in: \($1)" },
        tomlSyntax: "(TOML-Syntax)",
        more: { "… und \($0) weitere" },
        found: { f in
            switch f {
            case .text(let t): "Text „\(t)“"
            case .number(let n): "Zahl \(n)"
            case .boolean(let b): "Wahrheitswert \(b)"
            case .null: "null"
            case .object: "ein Objekt"
            case .array: "eine Liste"
            case .endOfFile: "das Dateiende"
            case .character(let c): "„\(c)“"
            case .byte(let b): "das Byte 0x\(String(b, radix: 16, uppercase: true))"
            }
        },
        expected: { e in
            switch e {
            case .document: "„{“ (ein Portfolio-Dokument ist ein JSON-Objekt)"
            case .object: "ein Objekt"
            case .list: "eine Liste („[“)"
            case .text: "einen Text"
            case .number: "eine Zahl"
            case .wholeNumber: "eine ganze Zahl"
            case .boolean: "true oder false"
            case .null: "null"
            case .month: "einen Monat (JJJJ-MM)"
            case .timestamp: "einen Zeitpunkt wie 2025-03-04T16:40:12Z"
            case .day: "einen Tag (JJJJ-MM-TT)"
            case .monthOrNull: "einen Monat (JJJJ-MM) oder null"
            case .commaOrListEnd: "„,“ oder „]“"
            case .commaOrObjectEnd: "„,“ oder „}“"
            case .key: "einen Schlüssel in Anführungszeichen"
            case .colon: "„:“ nach dem Schlüssel"
            }
        },
        subject: { s in
            switch s {
            case .municipality(let id): "Gemeinde \(id)"
            case .project(let id): "Projekt \(id)"
            case .kpi(let id): "KPI \(id)"
            case .risk(let id): "Risiko \(id)"
            case .report(let p, let m): "Bericht \(p) \(m)"
            case .reading(let k, let m): "KPI-Messwert \(k) \(m)"
            case .review(let p, let r): "Verstetigungsprüfung \(p) Revision \(r)"
            }
        },
        identity: { i in
            switch i {
            case .municipality: "Gemeinde-ID"
            case .project: "Projekt-ID"
            case .kpi: "KPI-ID"
            case .risk: "Risiko-ID"
            case .report: "Bericht (Projekt, Monat)"
            case .reading: "KPI-Messwert (KPI, Monat)"
            case .review: "Verstetigungsprüfung (Projekt, Revision)"
            }
        },
        identityNoun: { i in
            switch i {
            case .municipality: "Gemeinde"
            case .project: "Projekt"
            case .kpi: "KPI"
            case .risk: "Risiko"
            case .report: "Bericht"
            case .reading: "KPI-Messwert"
            case .review: "Verstetigungsprüfung"
            }
        },
        reportText: { t in
            switch t {
            case .achieved: "Erreicht"
            case .nextSteps: "Nächste Schritte"
            case .risksAndMeasures: "Risiken und Maßnahmen"
            }
        },
        cannotRead: { "kann nicht gelesen werden (\($0))" },
        unexpectedEnd: "unerwartetes Dateiende",
        endInsideText: "unerwartetes Dateiende mitten in einem Text",
        expectedFound: { "erwartet \($0), gefunden: \($1)" },
        trailingContent: { "nach dem Ende des Dokuments folgt noch \($0)" },
        nestedTooDeeply: { "Werte zu tief verschachtelt (mehr als \($0) Ebenen)" },
        invalidUTF8: "ungültiges UTF-8 in einem Text",
        controlCharacterInJSONText: "Steuerzeichen in einem Text (als Escape wie \\n schreiben)",
        invalidEscape: { "ungültiges Escape „\\\($0)“ in einem Text" },
        invalidUnicodeEscape: "ungültiges \\u-Escape (vier Hexadezimalziffern, Surrogate nur als Paar)",
        notANumber: { "„\($0)“ ist keine Zahl" },
        notAWholeNumber: { "\($0) ist keine ganze Zahl" },
        numberOutOfRange: { "die Zahl \($0) ist zu groß" },
        notADecimal: { "\($0) ist keine Dezimalzahl" },
        notAMonth: { "„\($0)“ ist kein Monat der Form JJJJ-MM" },
        notATimestamp: { "„\($0)“ ist kein existierender Zeitpunkt der Form 2025-03-04T16:40:12Z (ISO 8601)" },
        notADay: { "„\($0)“ ist kein existierender Tag der Form JJJJ-MM-TT" },
        notAChoice: { text, choice, allowed in
            let what = switch choice {
            case .phase: "keine Phase"
            case .light: "keine Ampelfarbe"
            case .fieldOfAction: "kein Handlungsfeld"
            case .solutionKind: "keine Lösungsart"
            case .continuation: "keine Verstetigungsentscheidung"
            case .challenge: "keine Herausforderung"
            case .municipalityKind: "keine Art von Kommune"
            case .kpiDirection: "keine KPI-Richtung"
            }
            return "„\(text)“ ist \(what); erlaubt: " + allowed.joined(separator: ", ")
        },
        duplicateKey: { "der Schlüssel „\($0)“ steht doppelt in diesem Objekt" },
        missingField: { "das Feld „\($0)“ fehlt" },
        negativeVersion: { "die Formatversion \($0) ist negativ" },
        newerVersion: { "die Formatversion \($0) ist neuer, als diese Lotse-Version versteht (\($1))" },
        fileChanged: "die Datei hat sich nach der Prüfung geändert; nichts wurde importiert",
        duplicate: { "\($0) „\($1)“ kommt doppelt vor" },
        emptyID: { "\($0): die ID ist leer" },
        controlCharacterInID: { "\($0) „\($1)“: die ID enthält das Steuerzeichen \($2)" },
        controlCharacterInName: { "\($0): der Name enthält das Steuerzeichen \($1)" },
        controlCharacterInText: { "\($0): „\($1)“ enthält das Steuerzeichen \($2)" },
        negativePopulation: { "\($0): die Einwohnerzahl darf nicht negativ sein" },
        unknownMunicipality: { "\($0): unbekannte Gemeinde „\($1)“" },
        negativeBudget: { "\($0): das Budget darf nicht negativ sein" },
        fundingEndBeforeStart: { "\($0): das Förderende \($1) liegt vor dem Start \($2)" },
        emptyName: { "\($0): der Name ist leer" },
        moneyBeyondLimit: { subject, spent, euros, limit in
            "\(subject): \(spent ? "ausgegeben" : "Budget") \(grouped(euros, ".")) € übersteigt jeden kommunalen "
                + "Haushalt (höchstens \(grouped(limit, ".")) €)"
        },
        unknownProject: { "\($0): unbekanntes Projekt „\($1)“" },
        unknownKPI: { "\($0): unbekannter KPI" },
        progressOutOfRange: { "\($0): Fortschritt \($1) % liegt nicht zwischen 0 und 100 %" },
        negativeSpent: { "\($0): der ausgegebene Betrag darf nicht negativ sein" },
        probabilityOutOfRange: { "\($0): Wahrscheinlichkeit \($1) liegt nicht zwischen 1 und 5" },
        impactOutOfRange: { "\($0): Auswirkung \($1) liegt nicht zwischen 1 und 5" },
        revisionBelowOne: { "\($0): die Revision muss 1 oder größer sein (gefunden: \($1))" },
        negativeFollowUp: { "\($0): die Anschlussfinanzierung darf nicht negativ sein" }
    )

    // MARK: - English

    public static let english = DataFileStrings(
        language: .english,
        refused: { file, n in "\(file): \(n == 1 ? "1 problem" : "\(n) problems"), the file was not used:" },
        stoppedNote: "(Reading stopped at the last problem; the rest of the file was not checked.)",
        unreadable: { "\($0): cannot be read (\($1))" },
        notInstalled: { "\($0) is not installed; looked in: \($1)" },
        tomlSyntax: "(TOML syntax)",
        more: { "… and \($0) more" },
        found: { f in
            switch f {
            case .text(let t): "text '\(t)'"
            case .number(let n): "number \(n)"
            case .boolean(let b): "boolean \(b)"
            case .null: "null"
            case .object: "an object"
            case .array: "a list"
            case .endOfFile: "the end of the file"
            case .character(let c): "'\(c)'"
            case .byte(let b): "the byte 0x\(String(b, radix: 16, uppercase: true))"
            }
        },
        expected: { $0.description },
        subject: { $0.description },
        identity: { $0.description },
        identityNoun: { i in
            switch i {
            case .municipality: "municipality"
            case .project: "project"
            case .kpi: "KPI"
            case .risk: "risk"
            case .report: "report"
            case .reading: "KPI reading"
            case .review: "continuation review"
            }
        },
        reportText: { $0.description },
        cannotRead: { "cannot be read (\($0))" },
        unexpectedEnd: "unexpected end of file",
        endInsideText: "unexpected end of file inside a string",
        expectedFound: { "expected \($0), found \($1)" },
        trailingContent: { "unexpected \($0) after the end of the document" },
        nestedTooDeeply: { "values nested too deeply (more than \($0) levels)" },
        invalidUTF8: "invalid UTF-8 in a string",
        controlCharacterInJSONText: "control character in a string (write it as an escape such as \\n)",
        invalidEscape: { "invalid escape '\\\($0)' in a string" },
        invalidUnicodeEscape: "invalid \\u escape (four hexadecimal digits, surrogates in pairs)",
        notANumber: { "'\($0)' is not a number" },
        notAWholeNumber: { "\($0) is not a whole number" },
        numberOutOfRange: { "number \($0) is too large" },
        notADecimal: { "\($0) is not a decimal number" },
        notAMonth: { "'\($0)' is not a month in the form YYYY-MM" },
        notATimestamp: { "'\($0)' is not an existing time in ISO 8601 form such as 2025-03-04T16:40:12Z" },
        notADay: { "'\($0)' is not an existing day in the form YYYY-MM-DD" },
        notAChoice: { text, choice, allowed in
            let what = switch choice {
            case .phase: "a phase"
            case .light: "a traffic light"
            case .fieldOfAction: "a field of action"
            case .solutionKind: "a kind of solution"
            case .continuation: "a continuation decision"
            case .challenge: "a challenge"
            case .municipalityKind: "a kind of municipality"
            case .kpiDirection: "a KPI direction"
            }
            return "'\(text)' is not \(what); allowed: " + allowed.joined(separator: ", ")
        },
        duplicateKey: { "duplicate key '\($0)' in this object" },
        missingField: { "missing field '\($0)'" },
        negativeVersion: { "format version \($0) is negative" },
        newerVersion: { "format version \($0) is newer than this Lotse understands (\($1))" },
        fileChanged: "the file changed after it was checked; nothing was imported",
        duplicate: { "duplicate \($0) '\($1)'" },
        emptyID: { "\($0): the id is empty" },
        controlCharacterInID: { "\($0) '\($1)': the id contains the control character \($2)" },
        controlCharacterInName: { "\($0): name: contains the control character \($1)" },
        controlCharacterInText: { "\($0): \($1): contains the control character \($2)" },
        negativePopulation: { "\($0): population must not be negative" },
        unknownMunicipality: { "\($0): unknown municipality '\($1)'" },
        negativeBudget: { "\($0): budget must not be negative" },
        fundingEndBeforeStart: { "\($0): end of funding \($1) lies before the start \($2)" },
        emptyName: { "\($0): name is empty" },
        moneyBeyondLimit: { subject, spent, euros, limit in
            "\(subject): \(spent ? "money spent" : "budget") \(grouped(euros, ",")) € is beyond any municipal budget "
                + "(at most \(grouped(limit, ",")) €)"
        },
        unknownProject: { "\($0): unknown project '\($1)'" },
        unknownKPI: { "\($0): unknown KPI" },
        progressOutOfRange: { "\($0): progress \($1) is not within 0…100" },
        negativeSpent: { "\($0): money spent must not be negative" },
        probabilityOutOfRange: { "\($0): probability \($1) is not within 1…5" },
        impactOutOfRange: { "\($0): impact \($1) is not within 1…5" },
        revisionBelowOne: { "\($0): the revision must be 1 or more (found: \($1))" },
        negativeFollowUp: { "\($0): follow-up financing must not be negative" }
    )
}
