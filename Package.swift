// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Lotse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lotse", targets: ["lotse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "LotseDomain"),
        .target(
            name: "LotseStore",
            dependencies: ["LotseDomain", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "TOMLKit", package: "TOMLKit")],
            // Resources/sample-data is a symlink to the repository's sample-data folder: SwiftPM
            // copies a symlinked file as a (dangling) link, but follows a symlinked folder.
            // Resources/questionnaires likewise links to the repository's questionnaires folder.
            exclude: ["Resources/sample-data/README.md",
                      "Resources/questionnaires/README.md", "Resources/questionnaires/examples",
                      "Resources/questionnaires/quellen-index.toml"],
            resources: [.copy("Resources/sample-data/musterstadt.json"),
                        .copy("Resources/questionnaires/phasenmodell-v1.toml"),
                        .copy("Resources/questionnaires/archive")]
        ),
        // The shared-server engine: the same store protocols on PostgreSQL, and the throw-away
        // cluster that its tests and benchmarks start.
        .target(
            name: "LotsePostgres",
            dependencies: ["LotseDomain", "LotseStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .target(name: "TermCanvas"),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Signal flags for the main loop and the crash guard that gives the terminal back.
        .target(name: "CLotseSignals"),
        .target(name: "NcursesBackend", dependencies: ["TermCanvas", "CNcursesw", "CLotseSignals"]),
        .target(name: "LotseUI", dependencies: ["LotseDomain", "TermCanvas"]),
        // The main loop, against the `Terminal` protocol: no curses here, so tests run it.
        .target(name: "LotseRuntime", dependencies: ["LotseDomain", "LotseStore", "LotseUI", "TermCanvas",
                                                     "CLotseSignals"]),
        .executableTarget(
            name: "lotse",
            dependencies: [
                "LotseDomain", "LotseStore", "LotsePostgres", "TermCanvas", "NcursesBackend", "LotseUI", "LotseRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Resources/Themes is a symlink to the repository's Themes folder (see LotseStore).
            exclude: ["Resources/Themes/README.md"],
            resources: [.copy("Resources/Themes/dark.toml"), .copy("Resources/Themes/light.toml"),
                        .copy("Resources/Themes/high-contrast.toml"), .copy("Resources/Themes/monochrome.toml")]
        ),
        .executableTarget(name: "lotse-bench", dependencies: ["LotseDomain", "LotseStore", "LotsePostgres", "LotseUI",
                                                              "TermCanvas", "NcursesBackend"],
                          path: "Sources/LotseBench"),
        .testTarget(
            name: "LotseDomainTests",
            dependencies: ["LotseDomain", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "LotseStoreTests", dependencies: ["LotseStore", "LotseDomain", "LotsePostgres"]),
        .testTarget(
            name: "TermCanvasTests",
            dependencies: ["TermCanvas", "LotseStore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "TermCanvas"]),
        .testTarget(
            name: "LotseUITests",
            dependencies: ["LotseUI", "LotseDomain", "TermCanvas"],
            exclude: ["Snapshots", "Handouts"]
        ),
        // Whole sessions against a recording terminal, and the real binary in a pseudo-terminal
        // (it finds `lotse` beside the test bundle, so build everything first: swift build --build-tests).
        .testTarget(
            name: "LotseRuntimeTests",
            dependencies: ["LotseRuntime", "LotseStore", "LotsePostgres", "LotseUI", "LotseDomain", "TermCanvas"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
