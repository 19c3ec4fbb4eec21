#!/usr/bin/env python3
"""Erzeugt die Beispieldaten von Lotse: sample-data/musterstadt.json.

Fiktive Stadt "Musterstadt an der Lotse" (Modellprojekt-Smart-City-Programm) mit der
Nachbargemeinde Lotsenau im selben Landkreis. 24 Monate Statusberichte (2024-12 bis
2026-11; 2026-11 ist "jetzt"), Kennzahlen mit Monatswerten und Risiken.

Nur Standardbibliothek, deterministisch (fester Seed je Projekt).
Aufruf:  python3 sample-data/generate.py
"""

import json
import os
import random
import sys

SEED = "lotse-musterstadt-v1"
FIRST_MONTH = "2024-12"
LAST_MONTH = "2026-11"          # "jetzt"
MAX_TEXT = 120
MAX_NAME = 34

MONTH_NAMES = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
               "September", "Oktober", "November", "Dezember"]

FIELDS = {"abfall_emissionen", "arbeit", "bauen_wohnen", "bildung_wissenschaft",
          "datenmanagement", "digitale_stadtplanung", "energie", "gesundheit_pflege",
          "infrastruktur", "klimaanpassung", "kultur_freizeit", "mobilitaet", "sicherheit",
          "soziale_inklusion", "tourismus", "umwelt_klimaschutz", "verwaltung", "wasser",
          "wirtschaft"}
KINDS = {"infrastruktur", "anwendung", "angebot", "beteiligung"}
PHASES = {"experimentieren", "transferieren", "etablieren"}
DECISIONS = {"offen", "haushalt", "skalieren", "neu_aufsetzen", "beenden"}
CHALLENGES = {"rueckhalt", "finanzen", "zusammenarbeit", "personal", "kompetenzen",
              "uebertragbarkeit", "technik_verfahren", "vergabe", "foerderauflagen",
              "externe_hindernisse"}
LIGHTS = ["gruen", "gelb", "rot"]


# --------------------------------------------------------------------------- months

def ym(text):
    y, m = text.split("-")
    return int(y) * 12 + int(m) - 1


def ym_str(o):
    return "%04d-%02d" % (o // 12, o % 12 + 1)


def month_name(o):
    return MONTH_NAMES[o % 12]


FIRST = ym(FIRST_MONTH)
LAST = ym(LAST_MONTH)


# --------------------------------------------------------------------------- municipalities

MUNICIPALITIES = [
    {"id": "musterstadt", "name": "Musterstadt an der Lotse", "kind": "stadt",
     "population": 61234},
    {"id": "lotsenau", "name": "Lotsenau", "kind": "gemeinde", "population": 8412},
]

# --------------------------------------------------------------------------- projects
#
# Keys:
#   id, muni, name, field, kind, phase, owner, start, fe (fundingEnd), src, budget (euros),
#   bcc, reused, cont, author, authors (list of (from month, author) changes), deputy,
#   kf (progress keyframes [(month, value)]) or p (p0, p1), mb (explicit milestone bounds),
#   ratio (share of budget spent in the reported months), ms (milestones), ex (extras),
#   kpis [(name, unit, target, direction, keyframes or (start, end), decimals, cumulative)],
#   risks [(title, challenge, probability, impact, measure, owner, open)],
#   ep (light episodes [(from, to, {"s"/"c"/"r": light}, mild)]),
#   ov (text overrides {month: {"a"/"n"/"r": text}}), missing [months].

PROJECTS = [
    dict(
        id="MS-01", muni="musterstadt", name="Urbane Datenplattform",
        field="datenmanagement", kind="infrastruktur", phase="transferieren",
        owner="Amt für Digitalisierung", start="2023-04", fe="2026-12", src="MPSC",
        budget=2_350_000, bcc=True, reused=True, cont="haushalt", decided="2026-06",
        author="j.brandt",
        p=(48, 92), ratio=0.78,
        ms=["Anbindung der Verkehrsdaten", "Datenkatalog für offene Daten",
            "Schnittstelle zum Geoportal", "Rollen- und Rechtekonzept",
            "Anbindung der Gemeinde Lotsenau", "Betriebshandbuch für den Regelbetrieb",
            "Übergabe an den IT-Betrieb"],
        ex=["Echtzeitdaten der Parkhäuser im Dashboard sichtbar.",
            "Workshop mit den Fachämtern zur Datenqualität durchgeführt.",
            ("2026-07", "2026-11", "Lotsenau nutzt die ersten Datensätze der Plattform."),
            "Open-Data-Portal um 14 Datensätze erweitert.",
            "Lasttest mit doppeltem Datenvolumen bestanden."],
        kpis=[("Angebundene Datenquellen", "Stück", 60, "hoeher", (18, 52), 0, True),
              ("Offene Datensätze", "Stück", 120, "hoeher", (35, 104), 0, True),
              ("Plattform-Verfügbarkeit", "%", 99.5, "hoeher", (97.8, 99.6), 1, False)],
        risks=[("Betrieb nach Förderende", "finanzen", 3, 4,
                "Haushaltsansatz 2027 bei der Kämmerei angemeldet",
                "Amt für Digitalisierung", True),
               ("Fachämter liefern Daten unvollständig", "zusammenarbeit", 3, 3,
                "Datenpatenschaften je Amt vereinbart", "j.brandt", True)],
        ep=[("2025-05", "2025-06", {"s": "gelb"}, False)],
        ov={"2025-05": {"a": "Geoportal-Schnittstelle liefert falsche Koordinaten; Fehler eingegrenzt.",
                        "r": "Verzug von rund sechs Wochen; Hersteller des Geoportals eingebunden."},
            "2026-06": {"a": "Rat beschließt Weiterbetrieb der Plattform aus Haushaltsmitteln ab 2027."},
            "2026-11": {"n": "Betriebsvertrag mit dem IT-Dienstleister für 2027 unterschreiben."}},
    ),
    dict(
        id="MS-02", muni="musterstadt", name="LoRaWAN-Funknetz",
        field="infrastruktur", kind="infrastruktur", phase="etablieren",
        owner="Stadtwerke Musterstadt", start="2022-09", fe=None, src="Haushalt",
        budget=480_000, bcc=True, reused=True, cont="haushalt", author="t.oezdemir",
        kf=[("2024-12", 86), ("2026-03", 100), ("2026-11", 100)], ratio=0.71,
        ms=["Gateway-Ausbau Gewerbegebiet Nord", "Netzabdeckung Ortsteil Lotsenau",
            "Monitoring der Gateways", "Dokumentation für Nachnutzer",
            "Regelbetrieb mit Wartungsvertrag"],
        ex=["Zwei neue Gateways auf Schuldächern in Betrieb genommen.",
            "Funkausleuchtung in der Südstadt nachgemessen.",
            "Nachbarkreis hat unser Betriebskonzept übernommen.",
            "Pegelsensoren der Stadtentwässerung ins Netz eingebunden."],
        kpis=[("Gateways in Betrieb", "Stück", 40, "hoeher", (28, 41), 0, True),
              ("Angebundene Sensoren", "Stück", 1500, "hoeher", (610, 1480), 0, True),
              ("Netzabdeckung Stadtgebiet", "%", 95, "hoeher", (81, 94), 1, True)],
        risks=[("Ausfall von Gateways bei Unwetter", "externe_hindernisse", 2, 3,
                "Ersatzgeräte auf Lager, Überwachung mit Alarm",
                "Stadtwerke Musterstadt", True)],
        ep=[("2025-10", "2025-11", {"r": "gelb"}, False)],
        ov={"2025-10": {"a": "Sturm beschädigt zwei Gateways; Teile der Nordstadt ohne Empfang.",
                        "r": "Messdaten im Norden lückenhaft; Ersatzgeräte bestellt."},
            "2025-11": {"a": "Ein Gateway ersetzt, das zweite folgt nach Dacharbeiten."},
            "2025-12": {"a": "Beide Gateways wieder in Betrieb; Netz vollständig verfügbar."}},
    ),
    dict(
        id="MS-03", muni="musterstadt", name="Digitaler Zwilling Innenstadt",
        field="digitale_stadtplanung", kind="anwendung", phase="transferieren",
        owner="Stadtplanungsamt", start="2024-02", fe="2026-12", src="MPSC",
        budget=1_850_000, bcc=False, reused=False, cont="offen", author="a.yilmaz",
        p=(18, 88), ratio=0.84,
        ms=["Befliegung und 3D-Stadtmodell", "Integration der Bebauungspläne",
            "Verschattungs- und Windsimulation", "Beteiligungsmodul für Bürgerdialoge",
            "Schulung des Stadtplanungsamts", "Betriebskonzept nach Förderende"],
        ex=["3D-Modell der Altstadt in der Ratssitzung vorgeführt.",
            ("2025-11", "2026-08", "Simulation zum Neubau am Bahnhofsplatz gerechnet."),
            ("2026-01", "2026-06", "Erste Bürgerwerkstatt mit dem Zwilling durchgeführt."),
            "Schnittstelle zur Urbanen Datenplattform produktiv."],
        kpis=[("Modellierte Gebäude", "Stück", 4200, "hoeher", (300, 4050), 0, True),
              ("Planverfahren mit Zwilling", "Stück", 8, "hoeher", (0, 6), 0, True)],
        risks=[("Betriebskosten ab 2027 ungedeckt", "finanzen", 4, 4,
                "Kostenschätzung an Kämmerei, Vorlage an den Rat",
                "Stadtplanungsamt", True),
               ("Modell wird in Verfahren kaum genutzt", "technik_verfahren", 3, 3,
                "Zwilling fest in zwei Planverfahren einbinden", "a.yilmaz", True),
               ("Lieferverzug bei Simulationsdaten", "externe_hindernisse", 2, 2,
                "Ersatztermin mit dem Dienstleister vereinbart", "a.yilmaz", False)],
        ep=[("2025-09", "2025-10", {"s": "gelb"}, False),
            ("2026-11", "2026-11", {"r": "gelb"}, False)],
        ov={"2025-09": {"a": "Dienstleister liefert die Windsimulation später als vereinbart.",
                        "r": "Verzug bei Simulationsdaten; Ersatztermin mit Dienstleister vereinbart."},
            "2025-10": {"r": "Lieferung für Mitte November zugesagt; Puffer im Plan genutzt."},
            "2026-08": {"n": "Kosten für Betrieb und Pflege des Modells ab 2027 beziffern."},
            "2026-09": {"a": "Betriebskosten ab 2027 grob geschätzt; Abstimmung mit Kämmerei läuft."},
            "2026-10": {"n": "Entscheidungsvorlage zur Verstetigung für den Bauausschuss entwerfen."},
            "2026-11": {"a": "Betriebskonzept skizziert; Kosten ab 2027 rund 140.000 € im Jahr.",
                        "r": "Weiterfinanzierung nicht entschieden; Ergebnisse drohen ungenutzt zu bleiben.",
                        "n": "Vorlage im Dezember in den Bauausschuss, Übergangslösung klären."}},
    ),
    dict(
        id="MS-04", muni="musterstadt", name="Smarte Parkraumlenkung",
        field="mobilitaet", kind="anwendung", phase="transferieren",
        owner="Amt für Verkehr und Mobilität", start="2023-09", fe="2026-06", src="MPSC",
        budget=960_000, bcc=False, reused=True, cont="skalieren", decided="2026-06",
        author="m.schulte",
        p=(55, 96), ratio=0.62,
        ms=["Sensorik in den Parkhäusern", "Parkleitsystem an den Einfallstraßen",
            "Parkdaten in der Stadt-App", "Auswertung Parksuchverkehr",
            "Übertragung auf Nachbarstädte", "Gemeinsamer Betrieb im Landkreis"],
        ex=["Freie Stellplätze erscheinen jetzt auch im Navigationsdienst.",
            "Zählung zeigt weniger Suchverkehr rund um den Marktplatz.",
            ("2026-04", "2026-09", "Kreisstadt Nordheim übernimmt das Parkleitsystem."),
            ("2026-07", "2026-11", "Betreibervertrag mit dem Kreis-Zweckverband abgestimmt.")],
        kpis=[("Angebundene Stellplätze", "Stück", 2400, "hoeher", (1100, 2350), 0, True),
              ("Suchverkehr Innenstadt", "Kfz/h", 300, "niedriger", (520, 330), 0, False)],
        risks=[("Fehlerhafte Belegungsdaten", "technik_verfahren", 2, 3,
                "Sensoren nachkalibriert, Plausibilitätsprüfung aktiv", "m.schulte", False),
               ("Betreibermodell für Nachbarstädte fehlt", "uebertragbarkeit", 3, 4,
                "Zweckverbandslösung mit dem Landkreis ausarbeiten",
                "Amt für Verkehr und Mobilität", True)],
        ep=[("2025-02", "2025-04", {"r": "gelb"}, False)],
        ov={"2025-02": {"a": "Parkhaus am Markt meldet volle Etagen, obwohl Plätze frei sind.",
                        "r": "Falsche Belegungsdaten; Sensoren werden nachkalibriert."},
            "2025-05": {"r": "Belegungsdaten wieder plausibel; Risiko geschlossen."},
            "2026-06": {"a": "Förderphase beendet; Rat beschließt die Ausweitung auf den Landkreis."}},
    ),
    dict(
        id="MS-05", muni="musterstadt", name="Bodensensoren Stadtbäume",
        field="klimaanpassung", kind="infrastruktur", phase="experimentieren",
        owner="Grünflächenamt", start="2024-07", fe="2027-12",
        src="Landesprogramm Klimaanpassung", budget=420_000, bcc=False, reused=False,
        cont="offen", author="k.nowak",
        kf=[("2024-12", 14), ("2025-03", 24), ("2025-07", 26), ("2025-09", 38),
            ("2026-11", 78)], ratio=0.58,
        ms=["Lieferung und Einbau der Bodensensoren", "Anbindung an das LoRaWAN-Netz",
            "Gießplan-App für den Betriebshof", "Auswertung des ersten Sommers",
            "Baumpatenschaften über die Stadt-App", "Ausweitung auf Neupflanzungen"],
        mb=[37, 46, 56, 66, 75],
        ex=[("2025-10", "2025-11", "Erste Feuchtewerte im Dashboard des Grünflächenamts."),
            ("2026-08", "2026-10", "Gießtouren des Sommers nach Sensordaten geplant; deutlich weniger Wasser."),
            ("2026-06", "2026-10", "Zwölf Baumpatenschaften über die Stadt-App gewonnen.")],
        kpis=[("Sensoren in Betrieb", "Stück", 150, "hoeher",
               [("2024-12", 0), ("2025-03", 12), ("2025-06", 12), ("2025-07", 60),
                ("2025-09", 144), ("2026-11", 148)], 0, True),
              ("Gießwasser je Baum", "l/Woche", 60, "niedriger",
               [("2024-12", 95), ("2025-08", 92), ("2026-11", 64)], 0, False)],
        risks=[("Lieferengpass bei Bodensensoren", "externe_hindernisse", 4, 4,
                "Zweitlieferant beauftragt, Einbau in zwei Etappen", "k.nowak", False),
               ("Vergabe der Gießplan-Software", "vergabe", 2, 3,
                "Rahmenvertrag des Landes genutzt", "Grünflächenamt", False),
               ("Wartung der Sensoren im Winter", "personal", 2, 2,
                "Team des Betriebshofs geschult", "Grünflächenamt", True)],
        ep=[("2025-03", "2025-03", {"s": "gelb"}, False),
            ("2025-04", "2025-07", {"s": "rot", "r": "rot", "c": "gelb"}, False),
            ("2025-08", "2025-08", {"s": "gelb"}, False)],
        ov={"2025-03": {"a": "Hersteller meldet Lieferverzug für die Bodensensoren.",
                        "r": "Lieferengpass bei Sensoren; Alternativanbieter werden angefragt."},
            "2025-04": {"a": "Nur zwölf von 150 Sensoren geliefert; Einbau ruht.",
                        "r": "Verzug gefährdet die Messung im Sommer; Eskalation an den Lenkungskreis.",
                        "n": "Zweitlieferanten über den Rahmenvertrag prüfen und beauftragen."},
            "2025-05": {"a": "Lenkungskreis stimmt Zweitlieferanten zu; Bestellung ausgelöst.",
                        "r": "Sommer ohne Messdaten wahrscheinlich; Gießplan vorerst manuell.",
                        "n": "Kompatibilität der neuen Sensoren mit dem Funknetz testen."},
            "2025-06": {"a": "Testsensoren des Zweitlieferanten funken stabil im LoRaWAN.",
                        "r": "Zeitplan weiter rot; Einbau in zwei Etappen statt einer geplant.",
                        "n": "Erste Etappe mit 48 Sensoren im Juli einbauen."},
            "2025-07": {"a": "Erste 48 Sensoren an Straßenbäumen der Südstadt eingebaut.",
                        "r": "Restlieferung angekündigt; Puffer bis Oktober eingeplant.",
                        "n": "Zweite Einbauetappe und Datenabgleich vorbereiten."},
            "2025-08": {"a": "Zweite Lieferung eingetroffen; Einbau läuft.",
                        "r": "Verzug halbiert; Zeitplan bis Jahresende wieder erreichbar."},
            "2025-09": {"a": "Alle Sensoren verbaut und angebunden; Projekt wieder im Plan.",
                        "r": "Lieferrisiko erledigt; der Zweitlieferant hat geholfen."}},
    ),
    dict(
        id="MS-06", muni="musterstadt", name="Stadt-App Musterstadt",
        field="verwaltung", kind="angebot", phase="etablieren", owner="Bürgeramt",
        start="2021-10", fe="2025-12", src="MPSC", budget=780_000, bcc=True, reused=True,
        cont="haushalt", author="s.weber",
        kf=[("2024-12", 82), ("2026-01", 100), ("2026-11", 100)], ratio=0.55,
        ms=["Terminbuchung fürs Bürgeramt", "Mängelmelder mit Rückmeldung",
            "Prüfung der Barrierefreiheit", "Übergabe in den Regelbetrieb",
            "Mandantenfähigkeit für Lotsenau", "Quartalsweise Updates"],
        ex=[("2025-06", "2026-02", "App-Bewertung im Store auf 4,4 Sterne gestiegen."),
            "Push-Hinweise zur Straßenreinigung eingeführt.",
            ("2025-01", "2025-05", "Gemeinde Lotsenau als zweiter Mandant live."),
            "Update mit größerer Schrift und Vorlesefunktion veröffentlicht."],
        kpis=[("Aktive Nutzende pro Monat", "Personen", 15000, "hoeher", (8200, 14100), 0, False),
              ("Bearbeitungszeit Mängelmeldung", "Tage", 5, "niedriger", (9.5, 4.8), 1, False)],
        risks=[("Abhängigkeit vom App-Dienstleister", "uebertragbarkeit", 2, 3,
                "Quellcode-Hinterlegung und offene Schnittstellen vereinbart",
                "Bürgeramt", True)],
        ep=[("2026-03", "2026-03", {"r": "gelb"}, True),
            ("2026-04", "2026-04", {"r": "gelb"}, False)],
        ov={"2025-12": {"a": "Förderung endet; Betrieb ab Januar aus dem Haushalt gesichert."},
            "2026-03": {"a": "Nach dem Frühjahrsupdate häufen sich Abstürze auf älteren Geräten.",
                        "r": "Schlechtere Bewertungen; Dienstleister liefert Fehlerbehebung."},
            "2026-04": {"r": "Korrektur verzögert sich; Hinweis auf Web-Version in der App."},
            "2026-05": {"a": "Fehlerbehebung ausgeliefert; Absturzrate wieder normal."}},
    ),
    dict(
        id="MS-07", muni="musterstadt", name="Online-Beteiligungsportal",
        field="verwaltung", kind="beteiligung", phase="etablieren",
        owner="Hauptamt – Bürgerbeteiligung", start="2022-03", fe=None, src="Haushalt",
        budget=260_000, bcc=True, reused=False, cont="haushalt", author="s.weber",
        kf=[("2024-12", 90), ("2025-10", 100), ("2026-11", 100)], ratio=0.72,
        ms=["Beteiligung zum Radverkehrskonzept", "Bürgerhaushalt 2026 online",
            "Version in Leichter Sprache", "Auswertungsmodul für Fachämter",
            "Beteiligungskalender für alle Ämter"],
        ex=[("2025-03", "2025-06", "1.150 Vorschläge zum Bürgerhaushalt eingegangen."),
            "Jugendbeteiligung zum Skatepark über das Portal gelaufen.",
            "Ergebnisbericht zum Radverkehrskonzept veröffentlicht."],
        kpis=[("Beteiligungsverfahren (12 Monate)", "Stück", 12, "hoeher", (5, 11), 0, True),
              ("Registrierte Nutzende", "Personen", 6000, "hoeher", (3100, 5600), 0, True)],
        risks=[],
        ep=[("2025-06", "2025-06", {"c": "gelb"}, True)],
        ov={"2025-06": {"r": "Lizenzkosten steigen; Angebot eines zweiten Anbieters eingeholt."}},
    ),
    dict(
        id="MS-08", muni="musterstadt", name="Digitaler Bauantrag",
        field="bauen_wohnen", kind="anwendung", phase="transferieren",
        owner="Bauordnungsamt", start="2024-06", fe="2027-12",
        src="Landesprogramm Digitale Verwaltung", budget=690_000, bcc=True, reused=False,
        cont="offen", author="l.hoffmann", p=(12, 74), ratio=0.57,
        ms=["Anforderungsanalyse mit Architektenkammer", "Online-Formular für Bauanträge",
            "Schnittstelle zum Fachverfahren", "Digitale Beteiligung der Fachstellen",
            "Pilot mit zehn Planungsbüros", "Flächendeckende Einführung"],
        mb=[24, 38, 60, 68, 78],
        ex=[("2025-07", "2025-09", "Erster vollständig digitaler Bauantrag eingegangen."),
            ("2026-01", "2026-05", "Papierakten in der Vorprüfung entfallen."),
            "Schulung für 14 Sachbearbeitende abgehalten."],
        kpis=[("Digital eingereichte Anträge", "%", 80, "hoeher",
               [("2024-12", 0), ("2025-06", 0), ("2026-05", 31), ("2026-10", 34),
                ("2026-11", 46)], 0, False),
              ("Bearbeitungsdauer Bauantrag", "Tage", 60, "niedriger", (112, 81), 0, False)],
        risks=[("Schnittstelle zum Fachverfahren instabil", "technik_verfahren", 4, 3,
                "Hersteller liefert Patch, Testumgebung eingerichtet", "l.hoffmann", True),
               ("Widerstand gegen neue Abläufe", "rueckhalt", 2, 3,
                "Sachbearbeitende als Multiplikatoren einbinden", "Bauordnungsamt", True)],
        ep=[("2026-06", "2026-10", {"s": "gelb"}, False)],
        ov={"2026-06": {"a": "Test der Schnittstelle gescheitert; Anträge kommen unvollständig an.",
                        "r": "Verzug bei der Schnittstelle; Hersteller zu einem Patch verpflichtet."},
            "2026-08": {"a": "Patch des Herstellers behebt nur einen Teil der Fehler."},
            "2026-10": {"a": "Zweiter Patch in der Testumgebung erfolgreich geprüft."},
            "2026-11": {"a": "Patch eingespielt; Anträge laufen fehlerfrei ins Fachverfahren.",
                        "r": "Schnittstellenrisiko deutlich gesenkt; Überwachung bleibt aktiv."}},
    ),
    dict(
        id="MS-09", muni="musterstadt", name="Füllstandssensoren Glascontainer",
        field="abfall_emissionen", kind="infrastruktur", phase="transferieren",
        owner="Betriebshof", start="2023-11", fe="2026-06", src="MPSC", budget=310_000,
        bcc=False, reused=True, cont="haushalt", author="r.kaminski", p=(45, 94), ratio=0.66,
        ms=["Sensoren an 120 Containerstandorten", "Tourenplanung nach Füllstand",
            "Auswertung der Leerfahrten", "Ausweitung auf Altkleidercontainer",
            "Übergabe an den Regelbetrieb"],
        ex=["Überfüllte Standorte melden sich jetzt automatisch.",
            "Entsorger nutzt die Füllstände für seine Tourenplanung.",
            ("2025-09", "2026-11", "Nachbarkreis übernimmt die Lösung für 80 Standorte.")],
        kpis=[("Leerfahrten pro Monat", "Fahrten", 40, "niedriger", (160, 46), 0, False),
              ("CO₂-Einsparung", "t/Jahr", 25, "hoeher", (2, 23), 1, True)],
        risks=[("Batterien der Sensoren halten kürzer", "technik_verfahren", 3, 2,
                "Sendeintervall verlängert, Tausch im Wartungsplan", "r.kaminski", True)],
        ep=[("2025-01", "2025-02", {"r": "gelb"}, False)],
        ov={"2025-01": {"a": "Tourenplanung ignoriert bei Frost einen Teil der Füllstände.",
                        "r": "Sensoren senden bei Kälte unzuverlässig; Firmware-Update beauftragt."}},
    ),
    dict(
        id="MS-10", muni="musterstadt", name="Energiemonitoring Liegenschaften",
        field="energie", kind="anwendung", phase="etablieren", owner="Gebäudemanagement",
        start="2022-01", fe=None, src="Haushalt", budget=540_000, bcc=True, reused=False,
        cont="haushalt", author="r.kaminski",
        kf=[("2024-12", 88), ("2026-02", 100), ("2026-11", 100)], ratio=0.74,
        ms=["Zählerfernauslesung in allen Schulen", "Lastgangauswertung für Sporthallen",
            "Automatisierte Energieberichte", "Anbindung der Kitas",
            "Heizungsoptimierung nach Messdaten"],
        ex=["Heizzeiten in acht Schulen an die Belegung angepasst.",
            "Energiebericht 2025 erstmals automatisch erstellt.",
            "Auffällige Nachtverbräuche im Rathaus behoben."],
        kpis=[("Wärmeverbrauch Liegenschaften", "MWh/Jahr", 14500, "niedriger",
               (17800, 15100), 0, False),
              ("CO₂-Einsparung", "t/Jahr", 900, "hoeher", (220, 760), 0, True)],
        risks=[],
        ep=[("2025-12", "2026-01", {"r": "gelb"}, False)],
        ov={"2025-12": {"a": "Zählerdaten aus drei Gebäuden fehlen seit Wochen.",
                        "r": "Datenlücken verfälschen den Energiebericht; Zählertausch beauftragt."},
            "2026-02": {"a": "Zähler in drei Gebäuden getauscht; Daten wieder vollständig."}},
    ),
    dict(
        id="MS-11", muni="musterstadt", name="Quartiersstrom Lotseufer",
        field="energie", kind="angebot", phase="experimentieren",
        owner="Stadtwerke Musterstadt", start="2025-03", fe="2027-09", src="EFRE",
        budget=1_200_000, bcc=False, reused=False, cont="offen", author="t.oezdemir",
        kf=[("2025-03", 3), ("2025-10", 20), ("2026-03", 24), ("2026-11", 46)], ratio=0.41,
        ms=["Mieterstromkonzept mit Wohnungsbau", "Vergabe des Messstellenbetriebs",
            "Photovoltaik auf drei Wohnblöcken", "Abrechnungsplattform für Mieter",
            "Pilotbetrieb mit 120 Haushalten"],
        mb=[14, 27, 38, 48],
        ex=[("2025-04", "2025-07", "Wohnungsbaugesellschaft unterzeichnet Kooperationsvertrag."),
            ("2025-06", "2025-10", "Mieterversammlung mit 90 Teilnehmenden durchgeführt."),
            ("2025-08", "2026-01", "Netzbetreiber bestätigt das Anschlusskonzept.")],
        kpis=[("Teilnehmende Haushalte", "Haushalte", 120, "hoeher",
               [("2025-03", 0), ("2026-05", 0), ("2026-06", 9), ("2026-11", 38)], 0, True),
              ("Installierte PV-Leistung", "kWp", 450, "hoeher",
               [("2025-03", 0), ("2025-12", 0), ("2026-04", 60), ("2026-11", 180)], 0, True)],
        risks=[("Vergabe des Messstellenbetriebs verzögert", "vergabe", 4, 3,
                "Verhandlungsverfahren mit Teilnahmewettbewerb gewählt",
                "Stadtwerke Musterstadt", True),
               ("Förderfähigkeit der Abrechnung unklar", "foerderauflagen", 3, 3,
                "Klärung mit der EFRE-Verwaltungsbehörde", "t.oezdemir", True)],
        ep=[("2025-11", "2026-11", {"s": "gelb"}, False),
            ("2026-02", "2026-03", {"s": "rot"}, True)],
        ov={"2025-11": {"a": "Ausschreibung des Messstellenbetriebs ohne wertbares Angebot.",
                        "r": "Vergabe gescheitert; Verhandlungsverfahren wird vorbereitet."},
            "2026-02": {"a": "Teilnahmewettbewerb läuft; zwei Bewerber im Verfahren.",
                        "r": "Zeitplan um ein halbes Jahr verschoben; Meilensteine neu geplant."},
            "2026-04": {"a": "Zuschlag für den Messstellenbetrieb erteilt."}},
    ),
    dict(
        id="MS-12", muni="musterstadt", name="MakerSpace Stadtbibliothek",
        field="bildung_wissenschaft", kind="angebot", phase="transferieren",
        owner="Stadtbibliothek", start="2023-06", fe="2026-03", src="MPSC", budget=230_000,
        bcc=False, reused=True, cont="haushalt", author="c.meier", p=(52, 90), ratio=0.70,
        missing=["2026-11"],
        ms=["3D-Druck- und Robotik-Kurse", "Programmierkurse für Schulklassen",
            "Ehrenamtliches Mentorenteam", "Kursprogramm für Ältere",
            "Verstetigung im Bibliotheksetat", "Kooperation mit der Volkshochschule"],
        ex=["Ferienprogramm mit 48 Kindern ausgebucht.",
            "Zwei Nachbarbibliotheken übernehmen das Kurskonzept.",
            "Neuer Lasercutter nach Sicherheitsunterweisung freigegeben."],
        kpis=[("Kursteilnahmen pro Monat", "Personen", 250, "hoeher", (120, 230), 0, False)],
        risks=[],
        ep=[("2025-07", "2025-08", {"s": "gelb"}, False)],
        ov={"2025-07": {"a": "Sommerkurse nur zur Hälfte angeboten; zwei Mentoren fehlen.",
                        "r": "Personallücke in den Ferien; Kurse werden in den Herbst verschoben."},
            "2026-03": {"a": "Förderung ausgelaufen; MakerSpace ist im Bibliotheksetat verankert."}},
    ),
    dict(
        id="MS-13", muni="musterstadt", name="Adaptive Straßenbeleuchtung",
        field="infrastruktur", kind="infrastruktur", phase="transferieren",
        owner="Tiefbauamt", start="2024-04", fe="2028-06", src="Kommunalrichtlinie (NKI)",
        budget=2_100_000, bcc=False, reused=False, cont="offen", author="t.oezdemir",
        kf=[("2024-12", 15), ("2025-09", 40), ("2026-03", 44), ("2026-11", 58)], ratio=0.63,
        ms=["Bestandsaufnahme der Leuchten", "Ausschreibung der LED-Leuchtenköpfe",
            "Umrüstung der Hauptverkehrsstraßen", "Bewegungssensoren in Wohnstraßen",
            "Lichtmanagement-Software", "Umrüstung der Ortsteile"],
        ex=[("2024-12", "2025-03", "Testfeld mit dimmbaren Leuchten in der Gartenstraße eingerichtet."),
            ("2025-03", "2025-09", "Rückmeldungen der Anwohnenden überwiegend positiv."),
            ("2025-06", "2025-09", "Stromverbrauch der ersten Straßenzüge halbiert.")],
        kpis=[("Umgerüstete Leuchten", "Stück", 6800, "hoeher",
               [("2024-12", 400), ("2025-09", 2500), ("2026-03", 2800), ("2026-11", 3900)],
               0, True),
              ("Stromverbrauch Beleuchtung", "MWh/Jahr", 1400, "niedriger", (3100, 2350), 0, False)],
        risks=[("Lange Lieferzeiten der Leuchtenköpfe", "externe_hindernisse", 4, 3,
                "Abrufe in kleinen Losen, zweiter Hersteller zugelassen", "Tiefbauamt", True),
               ("Preissteigerung bei Elektrotechnik", "finanzen", 3, 4,
                "Umfang priorisiert, Nachtrag beim Fördergeber beantragt", "t.oezdemir", True)],
        ep=[("2025-10", "2026-11", {"s": "gelb"}, False),
            ("2026-01", "2026-02", {"s": "rot"}, False),
            ("2026-04", "2026-11", {"c": "gelb"}, False)],
        ov={"2025-10": {"a": "Hersteller verschiebt die zweite Leuchtenlieferung um drei Monate.",
                        "r": "Lieferverzug; Abrufe werden in kleinere Lose aufgeteilt."},
            "2026-01": {"a": "Umrüstung ruht; Leuchtenköpfe für die Ringstraße fehlen.",
                        "r": "Zeitplan rot; zweiter Hersteller wird technisch geprüft."},
            "2026-02": {"r": "Zulassung des zweiten Herstellers in Vorbereitung; Verzug hält an."},
            "2026-03": {"a": "Zweiter Hersteller zugelassen; erste Lieferung angekündigt."},
            "2026-04": {"r": "Preise für Elektrotechnik gestiegen; Nachtrag beim Fördergeber."}},
    ),
    dict(
        id="MS-14", muni="musterstadt", name="Starkregen-Frühwarnsystem",
        field="wasser", kind="infrastruktur", phase="transferieren",
        owner="Stadtentwässerung", start="2023-07", fe="2026-06", src="MPSC",
        budget=640_000, bcc=True, reused=True, cont="skalieren", decided="2026-06",
        author="r.kaminski",
        p=(50, 95), ratio=0.69,
        ms=["Pegelsensoren an Bächen und Kanälen", "Warnschwellen mit Feuerwehr abgestimmt",
            "Warnmeldungen über die Stadt-App", "Starkregen-Gefahrenkarte online",
            "Übergabe an den Kreis-Verbund", "Gemeinsamer Betrieb mit dem Landkreis"],
        ex=[("2025-06", "2025-06", "Gewitter im Juni: Warnung 40 Minuten vor der Überflutung."),
            ("2025-09", "2026-05", "Landkreis will das System für alle Gemeinden nutzen."),
            ("2025-11", "2026-01", "Gefahrenkarte in der ersten Woche 2.000 Mal aufgerufen.")],
        kpis=[("Pegelmessstellen", "Stück", 35, "hoeher", (18, 34), 0, True),
              ("Vorwarnzeit", "min", 45, "hoeher", (15, 42), 0, True)],
        risks=[("Fehlalarme mindern das Vertrauen", "rueckhalt", 2, 3,
                "Warnschwellen nach jeder Saison nachjustieren", "Stadtentwässerung", True),
               ("Zuständigkeit im Kreis-Verbund ungeklärt", "zusammenarbeit", 3, 3,
                "Kooperationsvereinbarung mit dem Landkreis", "r.kaminski", True)],
        ep=[("2025-07", "2025-07", {"r": "gelb"}, False)],
        ov={"2025-07": {"a": "Zwei Fehlalarme nach Sensorverschmutzung ausgelöst.",
                        "r": "Vertrauen in Warnungen leidet; Reinigungsintervall verkürzt."},
            "2026-06": {"a": "Förderung beendet; Kreistag beschließt gemeinsamen Betrieb."}},
    ),
    dict(
        id="MS-15", muni="musterstadt", name="Telemedizin im Quartier",
        field="gesundheit_pflege", kind="angebot", phase="experimentieren",
        owner="Sozialamt", start="2024-09", fe="2027-12",
        src="Landesprogramm Gesundheitsregionen", budget=580_000, bcc=False, reused=False,
        cont="offen", author="c.meier", authors=[("2025-10", "n.fischer")],
        kf=[("2024-12", 6), ("2025-09", 35), ("2025-12", 37), ("2026-11", 37)], ratio=0.44,
        ms=["Gesundheitskiosk im Stadtteilzentrum", "Videosprechstunde mit Hausarztpraxen",
            "Datenschutzkonzept und Einwilligungen", "Schulung von Pflegekräften",
            "Regelangebot in zwei Quartieren"],
        mb=[15, 28, 50, 70],
        ex=[("2025-04", "2025-06", "Erste Videosprechstunde im Kiosk erfolgreich getestet."),
            ("2024-12", "2025-02", "Zwei Hausarztpraxen sagen ihre Teilnahme zu.")],
        kpis=[("Telemedizinische Termine", "Termine/Monat", 200, "hoeher",
               [("2024-12", 0), ("2025-05", 0), ("2025-09", 30), ("2026-03", 28),
                ("2026-11", 21)], 0, False)],
        risks=[("Projektstelle seit Monaten unbesetzt", "personal", 5, 4,
                "Stelle neu ausgeschrieben, Smart-City-Büro hilft aus", "Sozialamt", True),
               ("Datenschutzfreigabe steht aus", "kompetenzen", 4, 4,
                "Externe Datenschutzberatung beauftragt", "n.fischer", True),
               ("Praxen ziehen sich zurück", "rueckhalt", 3, 4,
                "Gespräch mit der Kassenärztlichen Vereinigung", "Sozialamt", True)],
        ep=[("2025-10", "2026-11", {"s": "gelb"}, False),
            ("2026-03", "2026-11", {"r": "gelb"}, False),
            ("2026-10", "2026-10", {"s": "rot"}, True),
            ("2026-11", "2026-11", {"s": "rot", "r": "rot"}, False)],
        ov={"2025-10": {"a": "Projektleiterin hat gewechselt; die Stelle ist unbesetzt.",
                        "r": "Personallücke bremst das Projekt; Smart-City-Büro koordiniert."},
            "2025-11": {"a": "Datenschutzkonzept liegt beim Datenschutzbeauftragten."},
            "2026-01": {"a": "Prüfung des Datenschutzkonzepts dauert an; kein Fortschritt."},
            "2026-03": {"a": "Videosprechstunden werden seltener genutzt; Kiosk oft geschlossen."},
            "2026-04": {"a": "Ausschreibung der Projektstelle ohne geeignete Bewerbung beendet."},
            "2026-06": {"a": "Eine Hausarztpraxis zieht ihre Zusage zurück."},
            "2026-09": {"a": "Stelle erneut ausgeschrieben; Datenschutzfreigabe fehlt weiter."},
            "2026-10": {"a": "Keine Bewerbungen auf die Projektstelle; Stand weiter {p} %.",
                        "r": "Zeitplan nicht mehr haltbar; Lenkungskreis muss über Neuzuschnitt entscheiden."},
            "2026-11": {"a": "Lenkungskreis hat vertagt; seit über einem Jahr kein Fortschritt.",
                        "r": "Ohne Personal und Datenschutzfreigabe geht es nicht weiter.",
                        "n": "Im Dezember über Neuzuschnitt oder Abbruch entscheiden."}},
    ),
    dict(
        id="MS-16", muni="musterstadt", name="AR-Stadtrundgang Altstadt",
        field="tourismus", kind="anwendung", phase="experimentieren",
        owner="Stadtmarketing GmbH", start="2025-01", fe="2026-12", src="MPSC",
        budget=180_000, bcc=False, reused=False, cont="beenden", decided="2026-06",
        author="f.lange",
        kf=[("2025-01", 5), ("2026-06", 80), ("2026-11", 95)], ratio=0.86,
        ms=["Drehbuch mit dem Stadtarchiv", "3D-Rekonstruktion der Stadtmauer",
            "App-Prototyp mit zehn Stationen", "Testläufe mit Gästeführern",
            "Evaluation der Nutzung", "Geordneter Projektabschluss"],
        ex=[("2025-02", "2025-05", "Stadtarchiv liefert historische Ansichten für die Stationen."),
            ("2025-07", "2025-08", "Gästeführer testen die App mit einer Schulklasse.")],
        kpis=[("Downloads der App", "Downloads/Monat", 1500, "hoeher",
               [("2025-01", 0), ("2025-08", 0), ("2025-09", 180), ("2026-05", 260),
                ("2026-11", 150)], 0, False)],
        risks=[("Geringe Nutzung durch Gäste", "rueckhalt", 4, 3,
                "Werbung in der Tourist-Info, Ergebnis in die Evaluation",
                "Stadtmarketing GmbH", False)],
        ep=[("2025-09", "2026-04", {"r": "gelb"}, False),
            ("2026-05", "2026-06", {"r": "rot"}, True)],
        ov={"2025-09": {"a": "App im Store veröffentlicht; Downloads bleiben weit unter Plan.",
                        "r": "Gäste nutzen die App kaum; Werbung in der Tourist-Info verstärkt."},
            "2026-05": {"a": "Evaluation zeigt: Aufwand und Nutzen stehen in keinem Verhältnis.",
                        "r": "Zielzahlen klar verfehlt; Aufsichtsrat berät über die Zukunft."},
            "2026-06": {"a": "Aufsichtsrat beschließt: Die App wird nach Förderende eingestellt.",
                        "n": "Abschlussbericht und Übergabe der 3D-Daten an das Stadtarchiv planen.",
                        "r": "Nutzungsrisiko eingetreten; geordneter Ausstieg statt weiterer Investitionen."},
            "2026-07": {"a": "Abschlussplan abgestimmt; Erfahrungen für das Netzwerk aufbereitet.",
                        "r": "Risiko geringer Nutzung geschlossen; Projekt endet geordnet."},
            "2026-10": {"n": "App zum Jahresende abschalten und Nutzende in der App informieren."},
            "2026-11": {"a": "Abschlussbericht im Entwurf; 3D-Daten an das Stadtarchiv übergeben."}},
    ),
    dict(
        id="MS-17", muni="musterstadt", name="Leerstandsbörse Innenstadt",
        field="wirtschaft", kind="anwendung", phase="transferieren",
        owner="Wirtschaftsförderung", start="2023-10", fe="2026-09", src="MPSC",
        budget=350_000, bcc=False, reused=False, cont="neu_aufsetzen", decided="2026-09",
        author="l.hoffmann",
        kf=[("2024-12", 40), ("2026-04", 78), ("2026-11", 82)], ratio=1.06,
        ms=["Erfassung der Ladenleerstände", "Online-Börse für Gewerbeflächen",
            "Zwischennutzung mit Pop-up-Läden", "Eigentümerdialog Innenstadt",
            "Neukonzeption mit der IHK"],
        ex=[("2025-05", "2025-09", "Drei Pop-up-Läden in der Langen Straße eröffnet."),
            ("2025-10", "2026-03", "Eigentümerforum mit 25 Teilnehmenden durchgeführt."),
            "Leerstandskataster an die Datenplattform angebunden."],
        kpis=[("Leerstandsquote Innenstadt", "%", 8, "niedriger", (14.2, 12.9), 1, False),
              ("Vermittelte Flächen", "Stück", 30, "hoeher", (3, 14), 0, True)],
        risks=[("Kostenüberschreitung durch Nachbeauftragung", "finanzen", 4, 3,
                "Ausgabenstopp für Zusatzleistungen, Neuplanung", "l.hoffmann", True),
               ("Eigentümer beteiligen sich kaum", "rueckhalt", 3, 3,
                "Gemeinsames Konzept mit IHK und Werbegemeinschaft",
                "Wirtschaftsförderung", True)],
        ep=[("2025-11", "2026-04", {"c": "gelb"}, False),
            ("2026-05", "2026-11", {"c": "rot", "r": "gelb"}, False)],
        ov={"2025-11": {"r": "Zusatzwünsche an die Plattform treiben die Kosten; Änderungsstopp geprüft."},
            "2026-05": {"a": "Nachbeauftragung der Plattform überschreitet das Budget.",
                        "r": "Budget überschritten; Ausgabenstopp für Zusatzleistungen verhängt."},
            "2026-09": {"a": "Förderung ausgelaufen; Ausschuss beschließt Neuaufsetzung mit der IHK."},
            "2026-11": {"n": "Neues Konzept mit IHK und Werbegemeinschaft bis Februar vorlegen."}},
    ),
    dict(
        id="MS-18", muni="musterstadt", name="Coworking im Bahnhof",
        field="arbeit", kind="angebot", phase="transferieren", owner="Wirtschaftsförderung",
        start="2024-03", fe="2028-03", src="EFRE", budget=820_000, bcc=False, reused=False,
        cont="offen", author="l.hoffmann", p=(30, 80), ratio=0.52,
        ms=["Umbau der Bahnhofshalle", "Buchungssystem für Arbeitsplätze",
            "Eröffnung und Aufbau der Community", "Angebote für Pendelnde",
            "Tragfähiges Betreibermodell"],
        mb=[34, 38, 55, 72],
        ex=[("2025-06", "2025-10", "Erste Firmenkunden mieten feste Arbeitsplätze."),
            ("2025-05", "2026-11", "Gründerfrühstück mit 35 Gästen veranstaltet."),
            ("2026-03", "2026-09", "Auslastung an Dienstagen erstmals über 80 %.")],
        kpis=[("Auslastung Arbeitsplätze", "%", 70, "hoeher",
               [("2024-12", 0), ("2025-03", 0), ("2025-04", 22), ("2026-11", 64)], 0, False),
              ("Mitgliedschaften", "Personen", 150, "hoeher",
               [("2024-12", 0), ("2025-03", 0), ("2025-04", 20), ("2026-11", 118)], 0, True)],
        risks=[("Betreibermodell trägt sich nicht", "uebertragbarkeit", 3, 4,
                "Preismodell überarbeitet, Kontingente für Firmen", "Wirtschaftsförderung", True)],
        ep=[("2025-04", "2025-05", {"r": "gelb"}, False)],
        ov={"2025-04": {"a": "Coworking-Fläche im Bahnhof eröffnet.",
                        "r": "Auslastung der ersten Wochen gering; Werbung bei Pendelnden verstärkt."}},
    ),
    dict(
        id="MS-19", muni="musterstadt", name="Digitalpaten für Senioren",
        field="soziale_inklusion", kind="angebot", phase="etablieren", owner="Seniorenbüro",
        start="2021-05", fe=None, src="Haushalt", budget=95_000, bcc=True, reused=True,
        cont="haushalt", author="c.meier",
        kf=[("2024-12", 85), ("2025-11", 100), ("2026-11", 100)], ratio=0.80,
        ms=["Sprechstunden in allen Stadtteilen", "Tablet-Ausleihe über die Bibliothek",
            "Schulungsreihe für neue Paten", "Handbuch für Nachahmer",
            "Regelangebot des Seniorenbüros"],
        ex=["Zwölf neue Digitalpatinnen und -paten ausgebildet.",
            "Handbuch von drei Kommunen im Kreis angefragt.",
            "Sprechstunde im Pflegeheim am Park gestartet."],
        kpis=[("Beratungen pro Monat", "Beratungen", 300, "hoeher", (180, 290), 0, False),
              ("Aktive Digitalpaten", "Personen", 40, "hoeher", (26, 38), 0, False)],
        risks=[],
        ep=[("2025-08", "2025-08", {"s": "gelb"}, True)],
        ov={"2025-08": {"r": "Urlaubszeit: Sprechstunden in zwei Stadtteilen ausgefallen."}},
    ),
    dict(
        id="MS-20", muni="musterstadt", name="Luftqualitäts-Messnetz",
        field="umwelt_klimaschutz", kind="infrastruktur", phase="transferieren",
        owner="Umweltamt", start="2023-05", fe="2026-06", src="MPSC", budget=290_000,
        bcc=False, reused=False, cont="haushalt", author="k.nowak", p=(58, 94), ratio=0.60,
        ms=["Kalibrierung mit der Landesmessstation", "Messpunkte an Schulwegen",
            "Offene Luftdaten im Portal", "Verkehrsversuch Lindenallee",
            "Übergabe an den Regelbetrieb"],
        ex=["Stickstoffdioxid an Schulwegen erstmals veröffentlicht.",
            "Schulklasse nutzt die Luftdaten für eine Projektwoche.",
            "Messwerte fließen in den Luftreinhalteplan ein."],
        kpis=[("Messpunkte aktiv", "Stück", 30, "hoeher", (16, 29), 0, True),
              ("NO₂-Jahresmittel Innenstadt", "µg/m³", 30, "niedriger", (38.5, 33.2), 1, False)],
        risks=[("Sensor-Drift verfälscht Messwerte", "technik_verfahren", 3, 3,
                "Vierteljährlicher Abgleich mit der Referenzstation", "k.nowak", False),
               ("Wenig Erfahrung in der Datenauswertung", "kompetenzen", 2, 3,
                "Kooperation mit der Hochschule Musterstadt", "Umweltamt", True)],
        ep=[("2025-12", "2026-02", {"r": "gelb"}, False)],
        ov={"2025-12": {"a": "Abgleich zeigt Drift bei neun Sensoren; Werte vorerst gesperrt.",
                        "r": "Verfälschte Messwerte; Abgleich mit Referenzstation wird vierteljährlich."},
            "2026-03": {"a": "Sensoren nachkalibriert; Werte wieder freigegeben.",
                        "r": "Drift-Risiko durch regelmäßigen Abgleich beherrscht."}},
    ),
    dict(
        id="MS-21", muni="musterstadt", name="Hitzekarte und kühle Orte",
        field="klimaanpassung", kind="anwendung", phase="experimentieren",
        owner="Umweltamt", start="2025-06", fe="2027-12",
        src="Landesprogramm Klimaanpassung", budget=150_000, bcc=False, reused=False,
        cont="offen", author="k.nowak", p=(4, 62), ratio=0.55,
        ms=["Temperaturmessfahrten im Sommer", "Hitzekarte für die Kernstadt",
            "Kartierung kühler Orte", "Hitzewarnung über die Stadt-App",
            "Hitzeaktionsplan mit dem Sozialamt"],
        mb=[18, 34, 66, 80],
        ex=[("2025-07", "2025-08", "Messfahrten mit Fahrradsensoren an sechs Abenden."),
            ("2025-09", "2025-12", "Hitzeinseln am Bahnhofsplatz deutlich erkennbar."),
            ("2026-04", "2026-09", "Kirchengemeinden öffnen Räume als kühle Orte.")],
        kpis=[("Erfasste kühle Orte", "Stück", 60, "hoeher",
               [("2025-06", 0), ("2025-12", 0), ("2026-10", 28), ("2026-11", 29)], 0, True)],
        risks=[],
        ep=[("2026-11", "2026-11", {"s": "gelb"}, False)],
        ov={"2026-11": {"a": "Kartierung kühler Orte hinkt hinterher; viele Einrichtungen antworten nicht.",
                        "r": "Verzug bei der Kartierung; Nachfassen per Telefon mit dem Sozialamt."}},
    ),
    dict(
        id="MS-22", muni="musterstadt", name="Kulturpass digital",
        field="kultur_freizeit", kind="angebot", phase="experimentieren", owner="Kulturamt",
        start="2025-09", fe="2028-06", src="Landesprogramm Kultur digital", budget=240_000,
        bcc=False, reused=False, cont="offen", author="c.meier", p=(5, 48), ratio=0.48,
        ms=["Partner aus Museen und Theater", "Ticketing-Schnittstelle",
            "Kulturpass in der Stadt-App", "Ermäßigung für Jugendliche",
            "Auswertung der ersten Saison"],
        ex=[("2025-11", "2025-12", "Stadttheater und zwei Museen als Partner gewonnen."),
            ("2026-06", "2026-06", "Eröffnungsabend zum Kulturpass im Stadttheater mit 200 Gästen.")],
        kpis=[("Ausgegebene Kulturpässe", "Stück", 2000, "hoeher",
               [("2025-09", 0), ("2026-04", 0), ("2026-05", 180), ("2026-11", 520)], 0, True),
              ("Einlösungen pro Monat", "Stück", 800, "hoeher",
               [("2025-09", 0), ("2026-04", 0), ("2026-05", 60), ("2026-11", 170)], 0, False)],
        risks=[("Nutzung bleibt unter Erwartung", "rueckhalt", 3, 3,
                "Werbung an Schulen und in Vereinen", "Kulturamt", True)],
        ep=[("2026-06", "2026-11", {"r": "gelb"}, False)],
        ov={"2026-05": {"a": "Kulturpass in der Stadt-App gestartet."},
            "2026-06": {"r": "Nachfrage deutlich unter Plan; Werbung an Schulen geplant."}},
    ),
    dict(
        id="MS-23", muni="musterstadt", name="KI-Assistenz Bürgerbüro",
        field="verwaltung", kind="anwendung", phase="experimentieren", owner="Bürgeramt",
        start="2025-04", fe="2027-12", src="Landesprogramm Digitale Verwaltung",
        budget=310_000, bcc=False, reused=False, cont="offen", author="s.weber",
        authors=[("2025-10", "d.krueger")], p=(3, 52), ratio=0.50,
        missing=["2025-08", "2025-09", "2026-11"],
        ms=["Datenschutz-Folgenabschätzung", "Wissensbasis aus 200 Leistungen",
            "Testbetrieb im Intranet", "Chat auf der Website",
            "Anbindung an die Terminbuchung"],
        ex=[("2025-12", "2026-04", "Mitarbeitende testen die Assistenz mit echten Anfragen."),
            ("2026-01", "2026-10", "Antwortqualität durch die Fachämter geprüft.")],
        kpis=[("Korrekt beantwortete Anfragen", "%", 85, "hoeher",
               [("2025-04", 0), ("2025-11", 0), ("2025-12", 61), ("2026-11", 79)], 0, False)],
        risks=[("Wenig KI-Erfahrung im Team", "kompetenzen", 3, 3,
                "Schulung mit dem Landesrechenzentrum", "d.krueger", True),
               ("Vergaberecht für KI-Dienst unklar", "vergabe", 2, 3,
                "Abruf über Rahmenvertrag des Landes", "Bürgeramt", False)],
        ep=[("2025-07", "2025-07", {"s": "gelb"}, False),
            ("2025-10", "2025-12", {"s": "gelb"}, False)],
        ov={"2025-07": {"a": "Projektleiter wechselt zum Monatsende in ein anderes Amt.",
                        "r": "Übergabe unsicher; Vertretung bis zur Neubesetzung geregelt."},
            "2025-10": {"a": "Projektleitung nach zwei Monaten Vakanz wieder besetzt.",
                        "r": "Verzug aus dem Sommer wird aufgeholt; Berichte wieder monatlich."}},
    ),
    dict(
        id="MS-24", muni="musterstadt", name="Digitalakademie Verwaltung",
        field="arbeit", kind="angebot", phase="etablieren",
        owner="Personal- und Organisationsamt", start="2022-06", fe=None, src="Haushalt",
        budget=210_000, bcc=True, reused=True, cont="haushalt", author="j.brandt",
        kf=[("2024-12", 80), ("2026-04", 100), ("2026-11", 100)], ratio=0.77,
        ms=["Lernplattform für alle Beschäftigten", "Kurse zur Datenkompetenz",
            "Workshops für Führungskräfte", "Kursangebot für Kreisgemeinden",
            "Jährlicher Kurskatalog"],
        ex=["150 Beschäftigte haben den Datenkurs abgeschlossen.",
            "Gemeinde Lotsenau bucht Plätze in der Akademie."],
        kpis=[("Geschulte Beschäftigte", "Personen", 900, "hoeher", (380, 860), 0, True)],
        risks=[],
        ep=[("2026-01", "2026-01", {"c": "gelb"}, True)],
        ov={"2026-01": {"r": "Honorare der Referenten gestiegen; Kurse teils mit eigenem Personal."}},
    ),
    dict(
        id="MS-25", muni="musterstadt", name="On-Demand-Shuttle Südstadt",
        field="mobilitaet", kind="angebot", phase="transferieren",
        owner="Verkehrsbetriebe Musterstadt", start="2024-01", fe="2027-12",
        src="MPSC / Landesprogramm ÖPNV", budget=2_450_000, bcc=False, reused=False,
        cont="offen", author="m.schulte", p=(25, 72), ratio=0.66,
        ms=["Buchungs-App und Fahrer-App", "Testbetrieb mit drei Fahrzeugen",
            "Ausweitung auf die Abendstunden", "Beschaffung von E-Fahrzeugen",
            "Tarifintegration im Verkehrsverbund"],
        ex=[("2026-02", "2026-05", "Erstmals über 3.000 Fahrgäste in einem Monat."),
            "Haltepunkte an der Klinik ergänzt.",
            "Befragung: 87 % würden das Shuttle weiterempfehlen."],
        kpis=[("Fahrgäste pro Monat", "Fahrgäste", 5000, "hoeher", (800, 4200), 0, False),
              ("Bündelungsquote", "%", 40, "hoeher", (18, 33), 1, False)],
        risks=[("Lieferung der E-Fahrzeuge verzögert", "externe_hindernisse", 3, 3,
                "Mietfahrzeuge als Übergangslösung", "Verkehrsbetriebe Musterstadt", True),
               ("Förderauflagen zur Barrierefreiheit", "foerderauflagen", 2, 4,
                "Rampenfahrzeug in die Ausschreibung aufgenommen", "m.schulte", True)],
        ep=[("2026-08", "2026-10", {"s": "gelb", "c": "gelb"}, False)],
        ov={"2026-08": {"a": "Hersteller verschiebt die Auslieferung der E-Fahrzeuge.",
                        "r": "Fahrplan ausgedünnt, Zusatzkosten für Ersatzverkehr; Mietfahrzeuge angefragt."},
            "2026-11": {"a": "Mietfahrzeuge überbrücken den Verzug; Fahrplan wieder voll bedient.",
                        "r": "Lieferrisiko durch Mietfahrzeuge abgefedert; Kosten im Rahmen."}},
    ),
    dict(
        id="MS-26", muni="musterstadt", name="Reallabor Marktplatz",
        field="digitale_stadtplanung", kind="beteiligung", phase="transferieren",
        owner="Smart-City-Büro", start="2024-05", fe="2025-12", src="MPSC", budget=120_000,
        bcc=False, reused=True, cont="haushalt", author="a.yilmaz",
        kf=[("2024-12", 35), ("2025-12", 92), ("2026-11", 100)], ratio=0.83,
        ms=["Sensorbänke und Besucherzählung", "Temporäre Umgestaltung im Sommer",
            "Bürgerwerkstatt mit dem Stadtmodell", "Auswertung und Empfehlungen",
            "Jährliches Format im Sommer"],
        ex=[("2025-06", "2025-09", "Sommer-Marktplatz mit 4.000 Besuchen pro Woche."),
            ("2025-11", "2026-01", "Empfehlungen an den Gestaltungsbeirat übergeben."),
            ("2026-01", "2026-11", "Zwei Nachbarstädte fragen das Format an."),
            ("2026-03", "2026-04", "Programm für den Sommer 2026 mit Vereinen abgestimmt."),
            ("2026-06", "2026-07", "Zweiter Sommer-Marktplatz eröffnet; Händler sind Mitveranstalter."),
            ("2026-09", "2026-10", "Besucherzählung 2026 ausgewertet; Aufenthaltsdauer deutlich gestiegen.")],
        kpis=[],
        risks=[],
        ep=[("2025-03", "2025-04", {"r": "gelb"}, False)],
        ov={"2025-03": {"a": "Händler protestieren gegen die Sperrung von Parkplätzen.",
                        "r": "Widerstand der Händler; Händlerfrühstück und Zählung vereinbart."},
            "2025-12": {"a": "Förderung beendet; Format wird ab 2026 aus dem Haushalt bezahlt."}},
    ),
    dict(
        id="MS-27", muni="musterstadt", name="Digitale Einsatzkarte Feuerwehr",
        field="sicherheit", kind="anwendung", phase="transferieren",
        owner="Feuerwehr Musterstadt", start="2024-02", fe="2028-12",
        src="Landesprogramm Brandschutz digital", budget=390_000, bcc=False, reused=False,
        cont="offen", author="f.lange", p=(20, 70), ratio=0.56, missing=["2026-11"],
        ms=["Digitalisierte Objektpläne", "Tablets in den Einsatzfahrzeugen",
            "Hydrantenkataster als Kartenlayer", "Datenschutzprüfung der Lagekarte",
            "Anbindung an die Leitstelle"],
        ex=[("2025-10", "2026-01", "Alle 24 Löschfahrzeuge mit Tablets ausgestattet."),
            "Übung mit der Freiwilligen Feuerwehr Lotsenau."],
        kpis=[("Digitalisierte Objektpläne", "Stück", 450, "hoeher", (80, 360), 0, True)],
        risks=[("Abstimmung mit der Kreisleitstelle", "zusammenarbeit", 3, 3,
                "Gemeinsame Arbeitsgruppe mit dem Landkreis", "Feuerwehr Musterstadt", True)],
        ep=[("2026-02", "2026-05", {"s": "gelb"}, False)],
        ov={"2026-02": {"a": "Datenschutzbeauftragter verlangt Nachbesserung an der Lagekarte.",
                        "r": "Prüfung verzögert den Rollout; Rollenkonzept wird überarbeitet."},
            "2026-06": {"a": "Datenschutzprüfung bestanden; Lagekarte freigegeben."}},
    ),
    # ---------------------------------------------------------------- Gemeinde Lotsenau
    dict(
        id="LN-01", muni="lotsenau", name="Dorf-App Lotsenau",
        field="soziale_inklusion", kind="angebot", phase="transferieren",
        owner="Gemeindeverwaltung Lotsenau", start="2024-04", fe="2026-06",
        src="Landesprogramm Smarte Dörfer", budget=85_000, bcc=False, reused=False,
        cont="haushalt", author="p.albers", deputy="g.reuter", p=(30, 92), ratio=0.74,
        ms=["Mandant in der Stadt-App Musterstadt", "Vereinsnachrichten und Termine",
            "Digitale Mitfahrbank", "Börse für Nachbarschaftshilfe",
            "Betrieb über Kooperationsvertrag"],
        ex=[("2025-02", "2026-11", "14 Vereine pflegen ihre Termine selbst."),
            ("2025-03", "2025-04", "Mitfahrbank-Funktion am Dorfplatz vorgestellt.")],
        kpis=[("Registrierte Nutzende", "Personen", 1500, "hoeher", (120, 1180), 0, True)],
        risks=[],
        ep=[("2025-05", "2025-06", {"r": "gelb"}, False)],
        ov={"2025-05": {"a": "Mitfahrbank wird kaum genutzt; ältere Menschen finden die Funktion nicht.",
                        "r": "Geringe Nutzung; Einführungstermine im Dorfgemeinschaftshaus geplant."},
            "2026-06": {"a": "Förderung beendet; Kostenteilung mit Musterstadt vertraglich geregelt."}},
    ),
    dict(
        id="LN-02", muni="lotsenau", name="Bürgerbus auf Abruf",
        field="mobilitaet", kind="angebot", phase="experimentieren",
        owner="Gemeindeverwaltung Lotsenau", start="2025-05", fe="2027-04",
        src="Landesprogramm Smarte Dörfer", budget=140_000, bcc=False, reused=False,
        cont="offen", author="p.albers", deputy="g.reuter", p=(5, 55), ratio=0.52,
        missing=["2026-11"],
        ms=["Ehrenamtliche Fahrerinnen und Fahrer", "Buchung per Telefon und App",
            "Fahrbetrieb an drei Tagen", "Anschluss an den Kreisbus",
            "Finanzierung ab 2027"],
        ex=[("2025-06", "2025-09", "Zwölf Ehrenamtliche haben den Fahrdienst übernommen."),
            ("2026-01", "2026-10", "Arztpraxen in Musterstadt als Fahrziel aufgenommen.")],
        kpis=[("Fahrten pro Monat", "Fahrten", 250, "hoeher",
               [("2025-05", 0), ("2025-10", 0), ("2025-11", 40), ("2026-11", 170)], 0, False)],
        risks=[("Zu wenige ehrenamtliche Fahrer", "personal", 3, 3,
                "Werbeaktion mit dem Sportverein", "p.albers", True)],
        ep=[("2025-10", "2025-12", {"s": "gelb"}, False)],
        ov={"2025-10": {"a": "Start des Fahrbetriebs verschoben; Personenbeförderungsschein fehlt.",
                        "r": "Genehmigung verzögert; Landkreis unterstützt beim Antrag."},
            "2025-11": {"a": "Erste Fahrten mit vorläufiger Genehmigung unterwegs."}},
    ),
    dict(
        id="LN-03", muni="lotsenau", name="Funk-Wasserzähler Lotsenau",
        field="wasser", kind="infrastruktur", phase="etablieren",
        owner="Wasserversorgung Lotsenau", start="2022-04", fe=None, src="Haushalt",
        budget=160_000, bcc=False, reused=False, cont="haushalt", author="p.albers",
        deputy="g.reuter", kf=[("2024-12", 84), ("2025-12", 100), ("2026-11", 100)],
        ratio=0.68,
        ms=["Zählertausch Ortskern", "Zählertausch Außenbereiche",
            "Leckage-Erkennung im Netz", "Jahresablesung ohne Termin vor Ort"],
        ex=[("2025-06", "2026-11", "Rohrbruch in der Mühlenstraße nach zwei Stunden erkannt."),
            ("2026-01", "2026-02", "Jahresablesung erstmals komplett per Funk.")],
        kpis=[("Funkzähler installiert", "Stück", 2900, "hoeher", (2300, 2880), 0, True),
              ("Wasserverluste im Netz", "%", 8, "niedriger", (13.5, 9.2), 1, False)],
        risks=[],
        ep=[("2026-07", "2026-08", {"c": "gelb"}, False)],
        ov={"2026-07": {"r": "Ersatzzähler deutlich teurer; Sammelbestellung mit Musterstadt geprüft."}},
    ),
]

# Project leads standing in during holidays.
DEFAULT_DEPUTY = "n.fischer"


# --------------------------------------------------------------------------- helpers

def interp(points, o):
    """Linear interpolation over [(ordinal, value)], constant outside."""
    if o <= points[0][0]:
        return points[0][1]
    for (a, va), (b, vb) in zip(points, points[1:]):
        if a <= o <= b:
            if b == a:
                return vb
            return va + (vb - va) * (o - a) / (b - a)
    return points[-1][1]


def slope_at(points, o):
    for (a, va), (b, vb) in zip(points, points[1:]):
        if a <= o < b:
            return (vb - va) / (b - a)
    return 0.0


def fmt_num(v, decimals):
    """German number format: 4.050 / 99,6."""
    if decimals == 0:
        s = "{:,}".format(int(round(v))).replace(",", ".")
    else:
        s = ("{:,.%df}" % decimals).format(v)
        s = s.replace(",", "X").replace(".", ",").replace("X", ".")
    return s


def json_num(v, decimals):
    if decimals == 0:
        return int(round(v))
    r = round(v, decimals)
    return int(r) if r == int(r) else r


def worse(a, b):
    return a if LIGHTS.index(a) >= LIGHTS.index(b) else b


# --------------------------------------------------------------------------- generation

def report_months(p):
    first = max(ym(p["start"]), FIRST)
    missing = {ym(m) for m in p.get("missing", [])}
    return first, [o for o in range(first, LAST + 1) if o not in missing]


def progress_series(p, rng, first):
    if "kf" in p:
        pts = [(ym(m), v) for m, v in p["kf"]]
    else:
        p0, p1 = p["p"]
        pts = [(first, p0), (LAST, p1)]
    out = {}
    prev = None
    for o in range(first, LAST + 1):
        base = interp(pts, o)
        s = slope_at(pts, o)
        noise = rng.uniform(-1.3, 1.3) if s > 0.6 else 0.0
        v = int(round(base + noise))
        v = max(0, min(100, v))
        if prev is not None:
            v = max(v, prev)
        if s <= 0.6 and prev is not None and o > pts[0][0]:
            v = max(prev, int(round(base)))
        out[o] = v
        prev = v
    return out, pts


def milestone_bounds(p, pts):
    n = len(p["ms"])
    if "mb" in p:
        assert len(p["mb"]) == n - 1, p["id"]
        return p["mb"]
    p0 = pts[0][1]
    p1 = max(v for _, v in pts)
    span = (p1 - p0) / (n - 0.5)
    return [p0 + (i + 1) * span for i in range(n - 1)]


def milestone_index(bounds, value):
    return sum(1 for b in bounds if value >= b)


def light_series(p, months):
    out = {}
    for o in months:
        sub = {"s": "gruen", "c": "gruen", "r": "gruen"}
        mild = False
        for frm, to, lights, m in p.get("ep", []):
            if ym(frm) <= o <= ym(to):
                sub.update(lights)
                mild = m
        sev = sorted((LIGHTS.index(x) for x in sub.values()), reverse=True)
        overall = sev[0]
        if mild:
            overall = max(sev[0] - 1, sev[1])
        out[o] = {"overall": LIGHTS[overall], "schedule": sub["s"], "cost": sub["c"],
                  "results": sub["r"]}
    return out


def kpi_series(kpi, rng, first):
    name, unit, target, direction, spec, dec, cumulative = kpi
    if isinstance(spec, tuple):
        pts = [(first, spec[0]), (LAST, spec[1])]
    else:
        pts = [(ym(m), v) for m, v in spec]
    rng_span = abs(max(v for _, v in pts) - min(v for _, v in pts)) or abs(target) * 0.1
    out = {}
    prev = None
    rising = pts[-1][1] >= pts[0][1]
    for o in range(first, LAST + 1):
        base = interp(pts, o)
        s = slope_at(pts, o)
        flat_zero = base == 0
        amp = 0.015 * rng_span if cumulative else 0.035 * rng_span
        v = base if flat_zero else base + rng.uniform(-amp, amp)
        if cumulative and prev is not None:
            v = max(v, prev) if rising else min(v, prev)
        v = max(0.0, v)
        if unit == "%":
            v = min(100.0, v)
        v = round(v, dec) if dec else round(v)
        out[o] = v
        prev = v
    return out


class Picker:
    """Chooses texts so that a project's report history does not repeat itself.

    Candidates are (key, text) pairs; the key names the template, so that the same
    sentence with a different month or number still counts as a repetition."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()
        self.recent = []

    def pick(self, candidates):
        cands = [(k, t) for k, t in candidates if t and len(t) <= MAX_TEXT]
        assert cands, candidates
        fresh = [c for c in cands if c[0] not in self.used]
        pool = (fresh or [c for c in cands if c[0] not in self.recent[-4:]]
                or [c for c in cands if c[0] not in self.recent[-1:]] or cands)
        key, text = self.rng.choice(pool)
        self.note(key)
        return text

    def note(self, key):
        self.used.add(key)
        self.recent.append(key)


def generate_project(p):
    rng = random.Random("%s/%s" % (SEED, p["id"]))
    first, months = report_months(p)
    prog, pts = progress_series(p, rng, first)
    bounds = milestone_bounds(p, pts)
    lights = light_series(p, months)
    ms = p["ms"]

    # month in which each milestone is completed (first month its bound is passed)
    done_in = {}
    for o in range(first, LAST + 1):
        for i in range(milestone_index(bounds, prog[o])):
            done_in.setdefault(i, o)

    kpis, readings, kpi_vals = [], [], []
    for i, k in enumerate(p.get("kpis", []), start=1):
        kid = "%s-K%d" % (p["id"], i)
        name, unit, target, direction, spec, dec, cum = k
        assert len(name) <= 40, name
        kpis.append({"id": kid, "projectID": p["id"], "name": name, "unit": unit,
                     "target": json_num(target, dec), "direction": direction})
        series = kpi_series(k, rng, first)
        kpi_vals.append((k, series))
        for o in months:
            readings.append({"kpiID": kid, "month": ym_str(o), "value": json_num(series[o], dec)})

    risks = []
    for i, r in enumerate(p.get("risks", []), start=1):
        title, ch, prob, imp, measure, owner, is_open = r
        risks.append({"id": "%s-R%d" % (p["id"], i), "projectID": p["id"], "title": title,
                      "challenge": ch, "probability": prob, "impact": imp,
                      "measure": measure, "owner": owner, "isOpen": is_open})
    open_risks = [r for r in p.get("risks", []) if r[6]]

    # money: weight months by progress made; running services spend evenly
    total = int(round(p["budget"] * 100 * p["ratio"]))
    weights = {}
    established = p["phase"] == "etablieren"
    for o in months:
        dp = prog[o] - prog.get(o - 1, prog[o])
        if established:
            w = 1.0 + rng.uniform(-0.18, 0.18)
        else:
            w = 0.55 + 0.3 * max(0, dp) + rng.uniform(0.0, 0.45)
        if o % 12 == 11:          # December: invoices before the year closes
            w *= 1.35
        if o % 12 == 7:           # August: holidays
            w *= 0.8
        weights[o] = w
    wsum = sum(weights.values())
    spent = {}
    acc = 0
    for i, o in enumerate(months):
        if i == len(months) - 1:
            cents = total - acc
        else:
            cents = int(round(total * weights[o] / wsum / 100.0)) * 100
        spent[o] = cents
        acc += cents

    ach, nxt, rsk = Picker(rng), Picker(rng), Picker(rng)
    extras = []
    for e in p.get("ex", []):
        if isinstance(e, tuple):
            extras.append((ym(e[0]), ym(e[1]), e[2]))
        else:
            extras.append((first, LAST, e))
    fe = ym(p["fe"]) if p["fe"] else None
    decided = ym(p["decided"]) if "decided" in p else (fe - 4 if fe is not None else first)
    authors = [(first, p["author"])] + [(ym(m), a) for m, a in p.get("authors", [])]
    deputy = p.get("deputy", DEFAULT_DEPUTY)
    reports = []
    prev_idx = None
    prev_o = None
    late_months = 0           # consecutive months with the schedule not green
    for o in months:
        lt = lights[o]
        pr = prog[o]
        dp = pr - prog[prev_o] if prev_o is not None else None
        idx = milestone_index(bounds, pr)
        cur_i = min(idx, len(ms) - 1)
        cur = ms[cur_i]
        nxt_ms = ms[cur_i + 1] if cur_i + 1 < len(ms) else None
        completed = ms[idx - 1] if prev_idx is not None and idx > prev_idx else None
        ov = p.get("ov", {}).get(ym_str(o), {})
        green = lt["overall"] == "gruen" and lt["schedule"] == "gruen"
        at_end = pr >= 100
        late_months = late_months + 1 if lt["schedule"] != "gruen" else 0
        due = done_in.get(cur_i)

        # KPI sentences for this month
        kpi_sentences = []
        for ki, (k, series) in enumerate(kpi_vals):
            name, unit, target, direction, spec, dec, cum = k
            v = series[o]
            if v == 0 and direction == "hoeher":
                continue
            vs, ts = fmt_num(v, dec), fmt_num(target, dec)
            kpi_sentences.append(("kpi%d" % ki, "%s: %s %s (Ziel %s %s)." % (name, vs, unit, ts, unit)))
            pv = series.get(o - 1)
            if pv is not None and pv != v:
                verb = "steigt" if v > pv else "sinkt"
                good = (v > pv) == (direction == "hoeher")
                tail = "" if good else "; Ursache wird geprüft"
                kpi_sentences.append(("kpitrend%d" % ki, "Kennzahl „%s“ %s auf %s %s%s." % (
                    name, verb, vs, unit, tail)))

        # ---- achieved
        eligible = [e for e in extras if e[0] <= o <= e[1]]
        last_chance = [e for e in eligible if e[1] == o]
        if "a" in ov:
            achieved = ov["a"].format(p=pr)
        elif completed:
            achieved = ach.pick([("done1", "Meilenstein „%s“ abgeschlossen." % completed),
                                 ("done2", "Meilenstein erreicht: %s." % completed),
                                 ("done3", "„%s“ ist erledigt und abgenommen." % completed)])
        elif last_chance or (eligible and rng.random() < 0.4):
            e = last_chance[0] if last_chance else rng.choice(eligible)
            extras.remove(e)
            achieved = e[2]
        elif at_end:
            achieved = ach.pick([("run1", "Regelbetrieb ohne besondere Vorkommnisse."),
                                 ("run2", "Betrieb stabil; Anfragen der Fachämter zügig bearbeitet."),
                                 ("run3", "Wartung und Pflege planmäßig erledigt."),
                                 ("run4", "Rückmeldungen der Nutzenden ausgewertet, kleine Korrekturen umgesetzt.")]
                                + kpi_sentences)
        elif dp == 0 and not green:
            achieved = ach.pick([("stall1", "Kaum Fortschritt bei „%s“; Stand weiter %d %%." % (cur, pr)),
                                 ("stall2", "„%s“ stockt; Gesamtstand unverändert %d %%." % (cur, pr)),
                                 ("stall3", "Keine Fortschritte im Berichtsmonat; Stand %d %%." % pr)])
        else:
            c = [("go1", "„%s“ vorangebracht; Gesamtfortschritt jetzt %d %%." % (cur, pr)),
                 ("go2", "Arbeitspaket „%s“ fortgeführt, Stand %d %%." % (cur, pr)),
                 ("go3", "Teilschritte für „%s“ erledigt; Fortschritt %d %%." % (cur, pr))]
            if green:
                c += [("go4", "„%s“ läuft nach Plan; Stand %d %%." % (cur, pr)),
                      ("go5", "Gute Fortschritte bei „%s“; Gesamtstand %d %%." % (cur, pr))]
            c += kpi_sentences[:2]
            achieved = ach.pick(c)

        # ---- next steps
        months_to_end = (fe - o) if fe is not None else None
        cont = p["cont"] if o >= decided else "offen"
        if "n" in ov:
            next_steps = ov["n"].format(p=pr)
        else:
            c = []
            if months_to_end is not None and 0 < months_to_end <= 6:
                if cont == "offen":
                    c += [("fe1", "Entscheidung zur Verstetigung bis %s %d herbeiführen." % (
                              month_name(fe), fe // 12)),
                          ("fe2", "Kosten für den Betrieb nach Förderende ermitteln."),
                          ("fe3", "Verstetigung mit Kämmerei und Fachamt besprechen.")]
                elif cont == "haushalt":
                    c += [("fe1", "Übergang in den Haushalt %d vorbereiten." % (fe // 12 + 1)),
                          ("fe2", "Betriebsverantwortung nach Förderende festlegen.")]
                elif cont == "skalieren":
                    c += [("fe1", "Übergabe an die Partnerkommunen vorbereiten."),
                          ("fe2", "Betreibermodell für die Nachnutzung abstimmen.")]
                elif cont == "beenden":
                    c += [("fe1", "Abschluss und Abschaltung zum Förderende vorbereiten.")]
                else:
                    c += [("fe1", "Neuaufsetzung des Projekts konzeptionell vorbereiten.")]
            if at_end:
                c += [("op1", "Kennzahlen für den Quartalsbericht auswerten."),
                      ("op2", "Wartung und Updates wie geplant durchführen."),
                      ("op3", "Nutzungszahlen im Fachausschuss vorstellen."),
                      ("op4", "Verbesserungsvorschläge der Nutzenden sichten.")]
                if o % 12 in (4, 5, 6, 7):
                    c.append(("op5", "Haushaltsansatz für %d anmelden." % (o // 12 + 1)))
                if p["reused"]:
                    c.append(("op6", "Erfahrungen im Kreis-Netzwerk vorstellen."))
            else:
                if due is not None and due > o:
                    c.append(("due", "„%s“ bis Ende %s abschließen." % (cur, month_name(due))))
                c += [("mid", "Zwischenstand zu „%s“ im Lenkungskreis vorstellen." % cur),
                      ("mid2", "Ergebnisse aus „%s“ mit dem Fachamt auswerten." % cur),
                      ("mid3", "Termin- und Ressourcenplan für „%s“ aktualisieren." % cur)]
                if nxt_ms:
                    c += [("nx1", "„%s“ vorbereiten." % nxt_ms),
                          ("nx2", "Nächster Meilenstein: %s." % nxt_ms),
                          ("nx3", "Arbeitsplan für „%s“ mit dem Team abstimmen." % nxt_ms)]
                else:
                    c += [("nx4", "„%s“ weiterführen und Ergebnisse dokumentieren." % cur),
                          ("nx5", "Rückmeldungen der Beteiligten zu „%s“ einholen." % cur),
                          ("nx6", "Abschlussdokumentation für „%s“ beginnen." % cur)]
            if lt["overall"] != "gruen" or not green:
                c += [("cm1", "Gegenmaßnahmen umsetzen und Wirkung im %s prüfen." % month_name(o + 1)),
                      ("cm2", "Lage im nächsten Jour fixe mit der Amtsleitung klären.")]
            if kpi_vals and rng.random() < 0.3:
                c.append(("kpi", "Kennzahl „%s“ auswerten und Ziel prüfen." % kpi_vals[0][0][0]))
            next_steps = nxt.pick(c)

        # ---- risks and measures
        if "r" in ov:
            risk_text = ov["r"].format(p=pr)
        else:
            c = []
            bad = [d for d in ("schedule", "cost", "results") if lt[d] != "gruen"]
            if bad:
                for d in bad:
                    red = lt[d] == "rot"
                    if d == "schedule" and red:
                        c += [("sr1", "Zeitplan nicht zu halten; Lenkungskreis entscheidet über Neuplanung."),
                              ("sr2", "Kritischer Verzug; Eskalation an die Amtsleitung erfolgt.")]
                    elif d == "cost" and red:
                        c += [("cr1", "Budget überschritten; Ausgaben nur noch nach Freigabe der Amtsleitung."),
                              ("cr2", "Mehrkosten nicht gedeckt; Deckungsvorschlag bei der Kämmerei eingereicht.")]
                    elif d == "results" and red:
                        c += [("rr1", "Ziele deutlich verfehlt; Lenkungskreis berät über einen Kurswechsel.")]
                    elif d == "schedule":
                        weeks = 2 + 3 * late_months
                        if weeks <= 12:
                            c.append(("s1", "Verzug von rund %d Wochen; Puffer genutzt, Umplanung läuft." % weeks))
                        else:
                            c.append(("s1", "Verzug inzwischen rund %d Monate; Zeitplan wird neu aufgestellt." %
                                      (weeks // 4)))
                        c.append(("s2", "Terminplan gefährdet; Lenkungskreis informiert, Prioritäten angepasst."))
                    elif d == "cost":
                        c += [("c1", "Kosten über Plan; Einsparungen bei Nebenleistungen werden geprüft."),
                              ("c2", "Mehrkosten absehbar; Nachtrag mit der Kämmerei abgestimmt.")]
                    else:
                        c += [("r1", "Wirkung bleibt hinter dem Ziel; Nachsteuerung mit dem Fachamt."),
                              ("r2", "Ergebnisse unter Erwartung; Ursachen werden im Team analysiert.")]
                        if p["kind"] in ("angebot", "anwendung", "beteiligung"):
                            c += [("r3", "Nutzung unter den Erwartungen; zusätzliche Werbung geplant."),
                                  ("r4", "Zu wenige Nutzende; Befragung zu Hürden und Wünschen vorbereitet.")]
                for ri, r in enumerate(open_risks):
                    c.append(("risk%d" % ri, "%s: %s." % (r[0], r[4])))
            else:
                c += [("g1", "Keine akuten Risiken; Zeit- und Kostenplan eingehalten."),
                      ("g2", "Keine neuen Risiken gemeldet."),
                      ("g3", "Risikolage stabil; nächste Risikoprüfung im %s." % month_name(o + 2)),
                      ("g4", "Risiken im Team geprüft; kein Handlungsbedarf."),
                      ("g7", "Risikoregister aktualisiert; keine Änderungen."),
                      ("g8", "Keine Auffälligkeiten; Projekt liegt im Plan.")]
                if at_end:
                    c += [("g5", "Regelbetrieb stabil; keine Störungen gemeldet."),
                          ("g9", "Betrieb ohne Ausfälle; Wartungsvertrag deckt Störungen ab.")]
                for ri, r in enumerate(open_risks):
                    c.append(("obs%d" % ri, "Risiko „%s“ beobachtet; derzeit unkritisch." % r[0]))
                if open_risks:
                    c.append(("g6", "Offene Risiken unverändert; Maßnahmen laufen wie geplant."))
                if months_to_end is not None and 0 < months_to_end <= 6 and cont == "offen":
                    c = [("fe1", "Anschlussfinanzierung ungeklärt; Verstetigung muss entschieden werden."),
                         ("fe2", "Förderende naht ohne Entscheidung; Vorlage wird vorbereitet."),
                         ("fe3", "Ohne Beschluss droht eine Lücke nach Förderende; Gespräche laufen."),
                         ("fe4", "Weiterbetrieb offen; Optionen mit Nachbarkommunen werden geprüft.")]
            risk_text = rsk.pick(c)

        author = [a for start, a in authors if start <= o][-1]
        if rng.random() < 0.08 and o != LAST:
            author = deputy

        # submitted in the first days of the report month; late when there is trouble
        late = lt["overall"] != "gruen" and rng.random() < 0.4
        day = rng.randint(6, 12) if late else rng.randint(1, 8)
        if o == LAST:
            day = rng.randint(2, 9)
        if o % 12 == 0:           # nobody reports on New Year's Day
            day = max(day, 2)
        hour = rng.randint(7, 17)
        minute = rng.randint(0, 59)
        y, m = o // 12, o % 12 + 1
        submitted = "%04d-%02d-%02dT%02d:%02d:00Z" % (y, m, day, hour, minute)

        reports.append({
            "projectID": p["id"], "month": ym_str(o),
            "overall": lt["overall"], "schedule": lt["schedule"], "cost": lt["cost"],
            "results": lt["results"], "progress": pr,
            "achieved": achieved, "nextSteps": next_steps, "risksAndMeasures": risk_text,
            "spent": spent[o], "author": author, "submittedAt": submitted,
        })
        prev_idx = idx
        prev_o = o

    month_set = set(months)
    for e in extras:
        if any(o in month_set for o in range(e[0], e[1] + 1)):
            print("Hinweis: %s: Ereignis nicht verwendet: %s" % (p["id"], e[2]), file=sys.stderr)

    project = {
        "id": p["id"], "municipalityID": p["muni"], "name": p["name"], "field": p["field"],
        "solutionKind": p["kind"], "phase": p["phase"], "owner": p["owner"],
        "start": p["start"], "fundingEnd": p["fe"], "fundingSource": p["src"],
        "budgetPlanned": p["budget"] * 100, "basicComponentCandidate": p["bcc"],
        "reusedByOthers": p["reused"], "continuation": p["cont"],
    }
    return project, reports, kpis, readings, risks


# --------------------------------------------------------------------------- checks

def validate(doc):
    errors = []
    muni_ids = {m["id"] for m in doc["municipalities"]}
    proj = {}
    for p in doc["projects"]:
        if p["id"] in proj:
            errors.append("doppelte Projekt-ID %s" % p["id"])
        proj[p["id"]] = p
        if p["municipalityID"] not in muni_ids:
            errors.append("%s: unbekannte Kommune" % p["id"])
        if len(p["name"]) > MAX_NAME:
            errors.append("%s: Name zu lang" % p["id"])
        if p["field"] not in FIELDS or p["solutionKind"] not in KINDS \
                or p["phase"] not in PHASES or p["continuation"] not in DECISIONS:
            errors.append("%s: ungültiger Aufzählungswert" % p["id"])
        if not 4_000_000 <= p["budgetPlanned"] <= 250_000_000:
            errors.append("%s: Budget außerhalb 40.000–2.500.000 €" % p["id"])
    seen = set()
    for r in doc["reports"]:
        key = (r["projectID"], r["month"])
        if key in seen:
            errors.append("doppelter Bericht %s" % (key,))
        seen.add(key)
        if r["projectID"] not in proj:
            errors.append("Bericht zu unbekanntem Projekt %s" % r["projectID"])
        if not 0 <= r["progress"] <= 100:
            errors.append("%s %s: Fortschritt" % key)
        subs = sorted((LIGHTS.index(r[k]) for k in ("schedule", "cost", "results")),
                      reverse=True)
        ov = LIGHTS.index(r["overall"])
        if not (max(subs[0] - 1, subs[1]) <= ov <= subs[0]):
            errors.append("%s %s: Gesamtampel passt nicht zu Teilampeln" % key)
        for k in ("achieved", "nextSteps", "risksAndMeasures"):
            if not r[k] or len(r[k]) > MAX_TEXT:
                errors.append("%s %s: Text %s leer oder zu lang (%d)" % (key + (k, len(r[k]))))
        if r["spent"] < 0:
            errors.append("%s %s: negative Ausgaben" % key)
    kpi_ids = set()
    for k in doc["kpis"]:
        if k["projectID"] not in proj:
            errors.append("KPI zu unbekanntem Projekt %s" % k["id"])
        kpi_ids.add(k["id"])
    seen_r = set()
    for rd in doc["readings"]:
        if rd["kpiID"] not in kpi_ids:
            errors.append("Messwert zu unbekannter KPI %s" % rd["kpiID"])
        if (rd["kpiID"], rd["month"]) in seen_r:
            errors.append("doppelter Messwert %s %s" % (rd["kpiID"], rd["month"]))
        seen_r.add((rd["kpiID"], rd["month"]))
    for rk in doc["risks"]:
        if rk["projectID"] not in proj or rk["challenge"] not in CHALLENGES:
            errors.append("Risiko %s ungültig" % rk["id"])
        if not (1 <= rk["probability"] <= 5 and 1 <= rk["impact"] <= 5):
            errors.append("Risiko %s: Skala" % rk["id"])
    if {rk["challenge"] for rk in doc["risks"]} != CHALLENGES:
        errors.append("nicht alle zehn Herausforderungen als Risikokategorie verwendet")
    return errors


# --------------------------------------------------------------------------- output

def dump(doc):
    def line(x):
        return json.dumps(x, ensure_ascii=False, separators=(", ", ": "))

    parts = ["{", '  "formatVersion": %d,' % doc["formatVersion"]]
    keys = ["municipalities", "projects", "reports", "kpis", "readings", "risks"]
    for i, key in enumerate(keys):
        items = doc[key]
        parts.append('  "%s": [' % key)
        for j, item in enumerate(items):
            parts.append("    " + line(item) + ("," if j < len(items) - 1 else ""))
        parts.append("  ]" + ("," if i < len(keys) - 1 else ""))
    parts.append("}")
    return "\n".join(parts) + "\n"


def main():
    doc = {"formatVersion": 1, "municipalities": MUNICIPALITIES, "projects": [],
           "reports": [], "kpis": [], "readings": [], "risks": []}
    for spec in PROJECTS:
        project, reports, kpis, readings, risks = generate_project(spec)
        doc["projects"].append(project)
        doc["reports"].extend(reports)
        doc["kpis"].extend(kpis)
        doc["readings"].extend(readings)
        doc["risks"].extend(risks)

    errors = validate(doc)
    if errors:
        for e in errors:
            print("Fehler: " + e, file=sys.stderr)
        return 1

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "musterstadt.json")
    text = dump(doc)
    json.loads(text)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)

    def lights_in(month):
        c = {"gruen": 0, "gelb": 0, "rot": 0}
        for r in doc["reports"]:
            if r["month"] == month:
                c[r["overall"]] += 1
        return c

    print("%s geschrieben (%d Bytes)" % (os.path.relpath(out), len(text.encode("utf-8"))))
    print("Projekte %d, Berichte %d, KPIs %d, Messwerte %d, Risiken %d" % (
        len(doc["projects"]), len(doc["reports"]), len(doc["kpis"]),
        len(doc["readings"]), len(doc["risks"])))
    print("Ampeln %s: %s" % (ym_str(LAST - 1), lights_in(ym_str(LAST - 1))))
    print("Ampeln %s: %s" % (LAST_MONTH, lights_in(LAST_MONTH)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
