import Foundation
import LotseDomain
import TOMLKit

/// The answers of a self-assessment as a TOML file, for scoring without the screen
/// (`lotse assess score --answers FILE`):
///
/// ```toml
/// questionnaire = "phasenmodell 1.1.0"   # optional: must match the questionnaire used
/// municipality = "Musterstadt"          # optional: shown in the result
///
/// [answers]
/// STR-1 = 4             # a value on the questionnaire's scale
/// STR-2 = "?"           # don't know ("weiß nicht" works too): missing, not zero
/// ```
///
/// Statements left out are "not answered"; like "don't know" they count as missing.
/// Unknown statement ids, values off the scale and other text are errors with file and
/// line; the file is then not used at all.
public struct AnswersFile: Hashable, Sendable {
    /// `Questionnaire.versionTag` the answers were given for, when the file names one.
    public var questionnaire: String?
    public var municipality: String?
    /// statement id → value; nil means "weiß nicht".
    public var answers: [String: Int?]

    public init(questionnaire: String? = nil, municipality: String? = nil, answers: [String: Int?]) {
        self.questionnaire = questionnaire
        self.municipality = municipality
        self.answers = answers
    }

    /// The texts accepted for "don't know" (compared ignoring case and surrounding blanks).
    public static let dontKnowWords = ["?", "weiß nicht", "weiss nicht", "don't know", "dont know"]

    /// The answers that count for scoring: "weiß nicht" dropped.
    public var scoringAnswers: [String: Int] { answers.compactMapValues { $0 } }

    /// Statements answered with "weiß nicht".
    public var dontKnowCount: Int { answers.values.filter { $0 == nil }.count }

    /// Loads the answers at `path`, checked against `questionnaire`.
    public static func load(path: String, questionnaire: Questionnaire) throws -> AnswersFile {
        try parse(try QuestionnaireFile.readText(path: path), file: path, questionnaire: questionnaire)
    }

    /// Parses answers TOML; `file` names the source in messages.
    public static func parse(_ text: String, file: String, questionnaire q: Questionnaire) throws -> AnswersFile {
        let root = try TOMLReading.parse(text, file: file)
        let reading = TOMLReading(file: file, text: text)
        let doc = TOMLNode(table: root, path: "", reading: reading)
        doc.rejectUnknownKeys(allowed: ["questionnaire", "municipality", "answers"])

        let tag = root["questionnaire"] == nil ? nil : doc.string("questionnaire")
        if let tag, tag != q.versionTag {
            doc.report("questionnaire", .answersForOtherQuestionnaire(found: tag, used: q.versionTag))
        }
        let municipality = root["municipality"] == nil ? nil : doc.string("municipality")

        var answers: [String: Int?] = [:]
        if let table = doc.table("answers") {
            let scale = q.scale
            for id in table.table.keys.sorted() {
                guard let value = table.table[id] else { continue }
                guard q.statement(id) != nil else {
                    table.report(id, unknownStatement(id, in: q))
                    continue
                }
                if let number = value.int {
                    if scale.contains(number) {
                        answers[id] = .some(number)
                    } else {
                        table.report(id, .answerOffScale(number, min: scale.min, max: scale.max))
                    }
                } else if let word = value.string,
                          dontKnowWords.contains(word.trimmingCharacters(in: .whitespaces).lowercased()) {
                    answers[id] = .some(nil)
                } else {
                    table.report(id, .notAnAnswer(text: value.string, type: TOMLNode.kind(of: value.type),
                                                  min: scale.min, max: scale.max))
                }
            }
        }
        guard reading.problems.isEmpty else { throw DataFileError.invalid(FileProblem.inFileOrder(reading.problems)) }
        return AnswersFile(questionnaire: tag, municipality: municipality, answers: answers)
    }

    /// An unknown statement id, with the id meant when it differs only in case, else the id pattern.
    private static func unknownStatement(_ id: String, in q: Questionnaire) -> TOMLProblem {
        let match = q.statements.first(where: { $0.id.lowercased() == id.lowercased() })?.id
        return .unknownAnswerStatement(id, didYouMean: match, questionnaire: q.versionTag, count: q.statements.count,
                                       first: q.statements.first?.id ?? "", last: q.statements.last?.id ?? "")
    }
}
