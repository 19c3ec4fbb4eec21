import Testing
import TermCanvas

@Suite struct ThemeDefinitionTests {
    /// Every role with all six keys, as a file lists them.
    static let complete: [String: [String: String]] = Dictionary(uniqueKeysWithValues: Role.allCases.map {
        ($0.rawValue, ["fg256": "default", "bg256": "default", "fg8": "default", "bg8": "default",
                       "attributes": "", "mono": ""])
    })

    static func definition(_ edit: (inout [String: [String: String]]) -> Void) -> ThemeDefinition {
        var roles = complete
        edit(&roles)
        return ThemeDefinition(name: "test", roles: roles)
    }

    // MARK: - Valid definitions

    @Test func valuesBecomeTheStyleOfTheRole() throws {
        let theme = try Self.definition {
            $0["selection"] = ["fg256": "231", "bg256": "25", "fg8": "7", "bg8": "4",
                               "attributes": "bold", "mono": "reverse, bold"]
        }.theme()
        #expect(theme.name == "test")
        #expect(theme.styles[.selection] == RoleStyle(fg256: .index(231), bg256: .index(25), fg8: .index(7),
                                                      bg8: .index(4), attributes: [.bold],
                                                      monoAttributes: [.reverse, .bold]))
        #expect(theme.styles[.normal] == RoleStyle())
        #expect(theme.shortcomings == [.notReversedWithoutColor(.tabActive), .notReversedWithoutColor(.statusBar),
                                       .notReversedWithoutColor(.key)])
    }

    @Test func boundsAndSpellingAreAccepted() throws {
        let theme = try ThemeDefinition(name: "edge", roles: [
            "title": ["fg256": "0", "bg256": "255", "fg8": " 0 ", "bg8": "7",
                      "attributes": "BOLD,underline , dim,, reverse", "mono": ""],
            "muted": ["fg256": "Default"],
        ]).theme()
        #expect(theme.styles[.title] == RoleStyle(fg256: .index(0), bg256: .index(255), fg8: .index(0),
                                                  bg8: .index(7), attributes: [.bold, .underline, .dim, .reverse]))
        #expect(theme.styles[.muted] == RoleStyle())
    }

    @Test func rolesLeftOutArePlainAndNamedAsShortcomings() throws {
        let theme = try ThemeDefinition(name: "partial", roles: ["key": ["mono": "reverse"]]).theme()
        #expect(theme.styles.count == 1)
        #expect(theme.resolve(depth: .twoFiftySix)[.header] == .plain)
        let missing = Role.allCases.filter { $0 != .key }.map(ThemeShortcoming.missingRole)
        #expect(theme.shortcomings == missing)
    }

    @Test func theBuiltInDarkThemeSurvivesTheRoundTrip() throws {
        let definition = ThemeDefinition(theme: .dark)
        #expect(Set(definition.roles.keys) == Set(Role.allCases.map(\.rawValue)))
        #expect(definition.roles.values.allSatisfy { Set($0.keys) == Set(ThemeDefinition.keys) })
        #expect(definition.roles["tabActive"]?["mono"] == "bold, reverse")
        #expect(definition.roles["muted"]?["bg256"] == "default")
        #expect(try definition.theme() == .dark)
        #expect(Theme.dark.shortcomings.isEmpty)
    }

    // MARK: - Problems

    @Test func unknownRole() {
        let problems = Self.definition { $0["selected"] = ["fg256": "1"] }.problems
        #expect(problems == [ThemeProblem(role: "selected", key: nil, kind: .unknownRole)])
        #expect(problems.first?.description.hasPrefix("selected: unknown role 'selected'; roles: normal, muted") == true)
    }

    @Test func unknownKey() {
        let problems = Self.definition { $0["header"]?["fg"] = "1" }.problems
        #expect(problems == [ThemeProblem(role: "header", key: "fg", kind: .unknownKey)])
        #expect(problems.first?.description
                == "header.fg: unknown key 'fg'; allowed: fg256, bg256, fg8, bg8, attributes, mono")
    }

    @Test func unknownAttribute() {
        let problems = Self.definition {
            $0["title"]?["attributes"] = "bold, blink"
            $0["title"]?["mono"] = "italic"
        }.problems
        #expect(problems == [ThemeProblem(role: "title", key: "attributes", kind: .unknownAttribute("blink")),
                             ThemeProblem(role: "title", key: "mono", kind: .unknownAttribute("italic"))])
        #expect(problems.first?.description
                == "title.attributes: unknown attribute 'blink'; allowed: bold, underline, reverse, dim")
    }

    @Test func colourOutOfRange() {
        let problems = Self.definition {
            $0["accent"] = ["fg256": "256", "bg256": "-1", "fg8": "8", "bg8": "12"]
        }.problems
        #expect(problems == [ThemeProblem(role: "accent", key: "bg256", kind: .colorOutOfRange(-1, 0...255)),
                             ThemeProblem(role: "accent", key: "bg8", kind: .colorOutOfRange(12, 0...7)),
                             ThemeProblem(role: "accent", key: "fg256", kind: .colorOutOfRange(256, 0...255)),
                             ThemeProblem(role: "accent", key: "fg8", kind: .colorOutOfRange(8, 0...7))])
        #expect(problems.last?.description
                == "accent.fg8: colour 8 is out of range; fg8 takes 0–7 or \"default\"")
    }

    @Test func notAColour() {
        let problems = Self.definition { $0["border"]?["fg8"] = "blue" }.problems
        #expect(problems == [ThemeProblem(role: "border", key: "fg8", kind: .notAColor("blue"))])
        #expect(problems.first?.description == "border.fg8: 'blue' is not a colour; expected a number or \"default\"")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let definition = Self.definition {
            $0["warning"] = ["fg256": "300", "attributes": "loud", "colour": "1"]
            $0["nonsense"] = [:]
        }
        #expect(definition.problems.map(\.item) == ["nonsense", "warning.attributes", "warning.colour",
                                                     "warning.fg256"])
        #expect(throws: ThemeDefinitionError(themeName: "test", problems: definition.problems)) {
            try definition.theme()
        }
    }

    // MARK: - Without colour

    @Test func withoutColourOnlyTheMonoAttributesRemain() throws {
        for theme in [Theme.dark, try ThemeDefinition(theme: .dark).theme()] {
            let none = theme.resolve(depth: .none)
            for role in Role.allCases {
                #expect(none[role] == ResolvedStyle(attributes: theme.styles[role]?.monoAttributes ?? []))
            }
            for role in Theme.rolesReversedWithoutColor {
                #expect(none[role]?.attributes.contains(.reverse) == true, "\(role) must stand out without colour")
            }
            #expect(none[.header]?.attributes == [.bold, .underline])
        }
    }

    @Test func aBarWithoutReverseIsAShortcoming() throws {
        let theme = try Self.definition {
            for role in Theme.rolesReversedWithoutColor { $0[role.rawValue]?["mono"] = "reverse" }
            $0["selection"]?["mono"] = "bold"
        }.theme()
        #expect(theme.shortcomings == [.notReversedWithoutColor(.selection)])
        #expect(theme.resolve(depth: .none)[.selection] == ResolvedStyle(attributes: [.bold]))
    }
}
