/// Themes compiled into the program, used when no theme file is chosen or a file is bad.
public extension Theme {
    /// Light text on the terminal's own background.
    static let dark = Theme(name: "dark", styles: [
        .normal: RoleStyle(),
        .muted: RoleStyle(fg256: .index(245), fg8: .index(7), monoAttributes: [.dim]),
        .header: RoleStyle(fg256: .index(252), bg256: .index(236), fg8: .index(7), bg8: .index(4),
                           attributes: [.bold], monoAttributes: [.bold, .underline]),
        .title: RoleStyle(fg256: .index(81), fg8: .index(6), attributes: [.bold], monoAttributes: [.bold]),
        .tabActive: RoleStyle(fg256: .index(16), bg256: .index(81), fg8: .index(0), bg8: .index(6),
                              attributes: [.bold], monoAttributes: [.reverse, .bold]),
        .tabInactive: RoleStyle(fg256: .index(250), bg256: .index(238), fg8: .index(7), bg8: .index(0)),
        .selection: RoleStyle(fg256: .index(231), bg256: .index(25), fg8: .index(7), bg8: .index(4),
                              attributes: [.bold], monoAttributes: [.reverse]),
        .border: RoleStyle(fg256: .index(240), fg8: .index(4)),
        .accent: RoleStyle(fg256: .index(81), fg8: .index(6)),
        .lightGreen: RoleStyle(fg256: .index(2), fg8: .index(2)),
        .lightYellow: RoleStyle(fg256: .index(3), fg8: .index(3)),
        .lightRed: RoleStyle(fg256: .index(1), fg8: .index(1), monoAttributes: [.bold]),
        .kpiGood: RoleStyle(fg256: .index(2), fg8: .index(2)),
        .kpiBad: RoleStyle(fg256: .index(1), fg8: .index(1), monoAttributes: [.bold]),
        .warning: RoleStyle(fg256: .index(214), fg8: .index(3), attributes: [.bold], monoAttributes: [.bold]),
        .statusBar: RoleStyle(fg256: .index(250), bg256: .index(236), fg8: .index(7), bg8: .index(0),
                              monoAttributes: [.reverse]),
        .key: RoleStyle(fg256: .index(81), bg256: .index(236), fg8: .index(6), bg8: .index(0),
                        attributes: [.bold], monoAttributes: [.reverse, .bold]),
    ])
}
