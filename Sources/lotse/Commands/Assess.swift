import ArgumentParser
import Foundation
import LotseDomain
import LotseStore
import LotseUI
import TermCanvas

extension AssessmentMinutes.Format: ExpressibleByArgument {}

/// `lotse assess`: the self-assessment without the screen.
struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Self-assessment without the screen: score an answers file, export workshop minutes, list.",
        discussion: """
        The answers file is TOML: optionally questionnaire = "phasenmodell 1.1.0" and \
        municipality = "…", then a table [answers] mapping statement ids to a value on the \
        scale, or to "?" / "weiß nicht" for don't know. See README.md.
        """,
        subcommands: [Score.self, ExportMinutes.self, List.self])

    /// The questionnaire of `--questionnaire FILE`, else the shipped one.
    static func questionnaire(_ path: String?) throws -> Questionnaire {
        if let path { return try QuestionnaireFile.load(path: path) }
        return try QuestionnaireFile.builtin()
    }

    /// The questionnaire of `--questionnaire FILE`, else the shipped version the assessment
    /// was made with (an earlier one is kept for that), else the shipped one.
    static func questionnaire(_ path: String?, for tag: String) throws -> Questionnaire {
        if let path { return try QuestionnaireFile.load(path: path) }
        return try QuestionnaireFile.shipped(versionTag: tag) ?? QuestionnaireFile.builtin()
    }

    /// `lotse assess score`
    struct Score: ParsableCommand, HasGlobalOptions {
        static let configuration = CommandConfiguration(
            commandName: "score",
            abstract: "Place a municipality from an answers file and explain the result.",
            discussion: "Errors in the file are reported with file and line on stderr; nothing is printed then (exit code 1).")

        @Option(name: .long, help: ArgumentHelp("The answers file (TOML).", valueName: "file"))
        var answers: String

        @Flag(name: .long, help: "Print the result as JSON.")
        var json = false

        @Option(name: .long, help: ArgumentHelp("Use this questionnaire instead of the shipped one.", valueName: "file"))
        var questionnaire: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let q = try Assess.questionnaire(questionnaire)
            let file = try AnswersFile.load(path: answers, questionnaire: q)
            let result = AssessmentResult(questionnaire: q, answers: file.answers, municipality: file.municipality,
                                          language: language)
            print(json ? result.json() : result.text(markdown: false), terminator: "")
        }
    }

    /// `lotse assess export`
    struct ExportMinutes: ParsableCommand, HasGlobalOptions {
        /// markdown and html: the handout (markdown with --minutes: the minutes); json: the minutes' data.
        enum Format: String, CaseIterable, ExpressibleByArgument {
            case markdown, html, json
        }

        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the workshop handout (markdown or html) or the minutes (--minutes, or json) of a stored assessment.",
            discussion: """
            The handout compares with the municipality's previous assessment (the latest one before it, \
            with the same questionnaire if there is one). The portfolio's evidence is taken for the \
            municipality of the assessment and the month of --today. Without -o the text goes to stdout.
            """)

        @Argument(help: ArgumentHelp("The assessment's id (see: lotse assess list).", valueName: "id"))
        var id: String

        @Option(name: .long, help: "markdown, html or json")
        var format: Format = .markdown

        @Flag(name: .long, help: "The full minutes (every answer) instead of the handout.")
        var minutes = false

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("The questionnaire the assessment was made with, if not the shipped one.",
                                                valueName: "file"))
        var questionnaire: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            if minutes && format == .html {
                throw CLIError(HandoutStrings.forLanguage(language).minutesHaveNoHTML)
            }
            let month = try global.currentMonth()
            let opened = try global.openStore()
            let store = opened.engine
            guard let assessment = try store.assessment(id: id) else {
                throw CLIError(strings.noSuchAssessment(id))
            }
            let q = try Assess.questionnaire(questionnaire, for: assessment.questionnaire)
            guard assessment.questionnaire == q.versionTag else {
                throw CLIError(strings.assessmentQuestionnaireMismatch(id, assessment.questionnaire, q.versionTag))
            }
            let data = try store.answer(ScreenDataRequest(municipalities: true,
                                                          evidence: .init(month: month, municipalityID: assessment.municipalityID)))
            let name = data.municipalities?.first { $0.id == assessment.municipalityID }?.name
            let evidence = (data.evidence?.projectCount ?? 0) > 0 ? data.evidence : nil
            var text: String
            switch (format, minutes) {
            case (.json, _), (.markdown, true), (.html, true):
                let m = AssessmentMinutes(assessment: assessment, questionnaire: q, municipalityName: name,
                                          evidence: evidence, language: language)
                text = m.render(format == .json ? .json : .markdown)
            case (.markdown, false), (.html, false):
                let previous = Handout.previous(of: assessment,
                                                among: try store.assessments(municipalityID: assessment.municipalityID))
                let handout = Handout(assessment: assessment, questionnaire: q, previous: previous, municipalityName: name,
                                      evidence: evidence, language: language)
                text = handout.render(format == .html ? .html : .markdown)
            }
            if !text.hasSuffix("\n") { text += "\n" }
            guard let output else {
                print(text, terminator: "")
                return
            }
            // Complete or not at all, and as private as the database it comes from.
            do {
                try AtomicFile.write(Data(text.utf8), to: output, mode: AtomicFile.mode(following: opened.path))
            } catch {
                throw CLIError(strings.cannotWrite(output, Export.reason(error)))
            }
        }
    }

    /// `lotse assess list`
    struct List: ParsableCommand, HasGlobalOptions {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stored assessments, newest first.")

        @Option(name: .long, help: ArgumentHelp("Only this municipality (its id).", valueName: "id"))
        var municipality: String?

        @Option(name: .long, help: ArgumentHelp("The questionnaire to place with, if not the shipped one.", valueName: "file"))
        var questionnaire: String?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let q = try Assess.questionnaire(questionnaire)
            let store = try global.openStore().engine
            let assessments = try store.assessments(municipalityID: municipality)
            guard !assessments.isEmpty else {
                print(strings.noAssessmentsStored)
                return
            }
            let names = Dictionary((try store.answer(ScreenDataRequest(municipalities: true)).municipalities ?? [])
                                       .map { ($0.id, $0.name) },
                                   uniquingKeysWith: { first, _ in first })
            let header = [strings.colID, strings.colDate, strings.colMunicipality, strings.colFacilitator,
                          strings.colParticipants, strings.colAnswered, strings.colStatus, strings.colResult]
            let archived = questionnaire == nil ? try QuestionnaireFile.archived() : []
            let rawRows = assessments.map { a -> [String] in
                let q = archived.first { $0.versionTag == a.questionnaire } ?? q
                let minutes = AssessmentMinutes(assessment: a, questionnaire: q, language: language)
                let result: String
                if a.questionnaire != q.versionTag {
                    result = strings.otherQuestionnaire(a.questionnaire)
                } else if let phase = Placement(questionnaire: q, answers: a.scoringAnswers).phase {
                    result = strings.phaseName(phase)
                } else {
                    result = strings.phaseNotDeterminable
                }
                return [a.id, minutes.date, names[a.municipalityID] ?? a.municipalityID, a.facilitator,
                        strings.count(a.participants.count), strings.answeredOf(a.scoringAnswers.count, q.statements.count),
                        a.completed ? strings.statusCompleted : strings.statusInProgress,
                        result]
            }
            // Ids, names and tags from the data stay on their line and cannot drive the terminal.
            let rows = rawRows.map { $0.map(SafeText.forTerminalLine) }
            let widths = header.indices.map { i in ([header] + rows).map { DisplayWidth.of($0[i]) }.max() ?? 0 }
            for row in [header] + rows {
                let cells = row.enumerated().map { i, cell in i == row.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[i]) }
                print(cells.joined(separator: "  "))
            }
        }
    }
}
