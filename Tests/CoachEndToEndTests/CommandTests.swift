import Foundation
import Testing

@Suite("The coach command, end to end")
struct CommandTests {
    @Test func versionAndHelp() throws {
        let version = try CoachProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("coach "))
        let help = try CoachProcess.run(["--help"])
        #expect(help.status == 0)
        for command in ["topics", "questions", "check"] {
            #expect(help.stdout.contains(command))
        }
        #expect(try CoachProcess.run(["check", "--help"]).stdout.contains("--knowledge"))
    }

    /// Every command takes `--version`, alone or among its options, and its help
    /// lists it once.
    @Test(arguments: ["plan", "ask", "rate", "topics", "questions", "check", "shell"])
    func everyCommandTakesVersion(command: String) throws {
        for arguments in [[command, "--version"], [command, "--lang", "fr", "--version"]] {
            let result = try CoachProcess.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.hasPrefix("coach "), "\(arguments)")
        }
        let help = try CoachProcess.run([command, "--help"]).stdout
        #expect(help.components(separatedBy: "--version").count == 2, "\(help)")
    }

    /// The coach reaches the system through the C library: Foundation, linked in,
    /// would cost every run a third of a millisecond before `main`
    /// (`Sources/CoachKit/Support/FileSystem.swift`). Its name is in the binary when
    /// any of its code is, or a shared copy is loaded.
    @Test func theCoachLinksNoFoundation() throws {
        let binary = try Data(contentsOf: CoachProcess.binary)
        #expect(binary.count > 1_000_000)
        #expect(binary.range(of: Data("FoundationEssentials".utf8)) == nil)
        #expect(binary.range(of: Data("libFoundation".utf8)) == nil)
    }

    @Test func topicsAsJSONInBothLanguages() throws {
        let english = try CoachProcess.run(["topics", "--json"])
        #expect(english.status == 0, "\(english.stderr)")
        let document = try CoachProcess.json(english.stdout)
        #expect(document["schema"] as? String == "coach.topics/1")
        let topics = try #require(document["topics"] as? [[String: Any]])
        #expect(topics.count == 17)
        for topic in topics {
            for key in ["id", "kind", "title", "summary"] {
                #expect((topic[key] as? String)?.isEmpty == false, "\(key) in \(topic)")
            }
            #expect(["concept", "tip", "ingredient"].contains(topic["kind"] as? String))
            #expect((topic["id"] as? String)?.hasPrefix((topic["kind"] as? String ?? "") + ".") == true)
        }
        let french = try CoachProcess.run(["topics", "--json", "--lang", "fr"])
        let frenchTopics = try #require(try CoachProcess.json(french.stdout)["topics"] as? [[String: Any]])
        #expect(frenchTopics.map { $0["id"] as? String } == topics.map { $0["id"] as? String })
        #expect(frenchTopics.map { $0["title"] as? String } != topics.map { $0["title"] as? String })
    }

    @Test func theLocaleChoosesTheLanguageAndLangOverridesIt() throws {
        let fromLocale = try CoachProcess.run(["check"], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(fromLocale.stdout.hasPrefix("17 fiches, 27 questions : ok"))
        let fromVariable = try CoachProcess.run(["check"], environment: ["COACH_LANG": "fr"])
        #expect(fromVariable.stdout.hasPrefix("17 fiches, 27 questions : ok"))
        let overridden = try CoachProcess.run(["check", "--lang", "en"], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(overridden.stdout.hasPrefix("17 topics, 27 questions: ok"))
    }

    @Test func questionsAsJSON() throws {
        let result = try CoachProcess.run(["questions", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try CoachProcess.json(result.stdout)
        #expect(document["schema"] as? String == "coach.questions/1")
        let questions = try #require(document["questions"] as? [[String: Any]])
        #expect(questions.count == 27, "the 21 of the SPEC and 6 a posts CSV answers")
        for question in questions {
            for key in ["id", "type", "prompt", "help", "options", "min", "max", "optional"] {
                #expect(question.keys.contains(key), "\(key) in \(question["id"] ?? "?")")
            }
        }
        let byID = Dictionary(uniqueKeysWithValues: questions.map { ($0["id"] as? String ?? "", $0) })
        let platforms = try #require(byID["platforms"]?["options"] as? [[String: Any]])
        #expect(platforms.count == 11)
        #expect(
            platforms.contains { $0["value"] as? String == "newsletter" && ($0["label"] as? String)?.isEmpty == false })
        #expect(byID["followers"]?["min"] as? Double == 0)
        #expect(byID["objective"]?["min"] is NSNull)
        #expect(byID["name"]?["optional"] as? Bool == true)
        let yesNo = try #require(byID["has_calendar"]?["options"] as? [[String: Any]])
        #expect(yesNo.map { $0["value"] as? Bool } == [true, false])
    }

    @Test func checkOnTheBuiltInKnowledge() throws {
        let result = try CoachProcess.run(["check"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("17 topics, 27 questions: ok ("), "\(result.stdout)")
        #expect(result.stdout.contains(" rules, ") && result.stdout.hasSuffix(" scenarios passed)\n"))
        #expect(result.stderr == "")
    }

    @Test func checkOnAGoodAndABrokenFolder() throws {
        let good = try CoachProcess.run(["check", "--knowledge", fixtures.appending(path: "good").path])
        #expect(good.status == 0)
        #expect(good.stdout == "2 topics, 4 questions: ok\n")

        let broken = try CoachProcess.run(["check", "--knowledge", fixtures.appending(path: "broken").path])
        #expect(broken.status == 65)
        let lines = broken.stderr.split(separator: "\n").map(String.init)
        #expect(lines.last == "13 error(s), 2 warning(s)")
        let located = try Regex(#"^/.+/(questions\.yaml|topics/[a-z.]+\.yaml):\d+:\d+: (error|warning): .+$"#)
        for line in lines.dropLast() {
            #expect(line.wholeMatch(of: located) != nil, "\(line)")
        }
        #expect(
            lines.contains {
                $0.hasSuffix("tip.broken.yaml:2:9: error: unknown article section 'secnd'; did you mean 'second'?")
            })
        #expect(!broken.stderr.contains("\u{1B}["), "no colour when standard error is not a terminal")
    }

    @Test func aMissingFolderIs66AndBadUsageIs64() throws {
        let missing = try CoachProcess.run(["check", "--knowledge", "/no/such/knowledge"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "coach: error: no knowledge folder at '/no/such/knowledge'\n")
        let topics = try CoachProcess.run(["topics", "--knowledge", "/no/such/knowledge"])
        #expect(topics.status == 66)
        #expect(try CoachProcess.run(["topics", "--lang", "de"]).status == 64)
        #expect(try CoachProcess.run(["topics", "--no-such-option"]).status == 64)
        #expect(try CoachProcess.run(["no-such-command"]).status == 64)
    }

    @Test(arguments: [
        (["topics", "--no-such-option"], "unknown option '--no-such-option' (see 'coach topics --help')"),
        (["plan", "--answer", "a.yaml"], "unknown option '--answer'; did you mean '--answers'?"),
        (["plan", "--bogus"], "unknown option '--bogus' (see 'coach plan --help')"),
        (["tpoics"], "unknown command 'tpoics'; did you mean 'topics'?"),
        (["no-such-command"], "unknown command 'no-such-command' (see 'coach --help')"),
        // What the user typed is shown escaped, on the one line.
        (["plan", "--session", "a\r\nb"], "only: 'a\\r\\nb' (see 'coach plan --help')"),
        (["plan", "--x\n- y"], "unknown option '--x\\n- y' (see 'coach plan --help')"),
        (["--session", "a b"], "only: 'a b' (see 'coach --help')"),
        (["--bogus"], "unknown option '--bogus' (see 'coach --help')"),
        (["rate", "--likes", "1"], "'--comments <n>' is required (see 'coach rate --help')"),
        (["topics", "--knowledge"], "missing value for '--knowledge <dir>'"),
        (
            ["--lang", "fr", "plan", "--answer", "a.yaml"],
            "option inconnue : « --answer » ; vouliez-vous dire « --answers » ?"
        ),
        (["topics", "--json=1", "--lang=fr"], "« --json » ne prend pas de valeur (voir « coach topics --help »)"),
        (["--generate-completion-script", "tcsh"], "no completion script for 'tcsh'"),
        (["plan", "--answers", "a.yaml", "--format", "pfd"], "one of the following: text, json, markdown, html"),
        (["plan", "--answers", "a.yaml", "--format", "pdf"], "--format pdf writes a binary file: give --output FILE"),
    ])
    func aUsageErrorIsOneLineWithAHint(arguments: [String], message: String) throws {
        let result = try CoachProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("coach: error: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "one line: \(result.stderr)")
    }

    @Test func aBrokenKnowledgeFolderStopsOtherCommandsWith65() throws {
        let result = try CoachProcess.run(["topics", "--knowledge", fixtures.appending(path: "broken").path])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("error: unknown question type 'choise'"))
    }

    @Test func theBinaryCarriesItsKnowledgeWhereverItIsCopied() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appending(path: "coach")
        try FileManager.default.copyItem(at: CoachProcess.binary, to: copy)
        let elsewhere = FileManager.default.temporaryDirectory
        let result = try CoachProcess.run(["topics", "--json"], executable: copy, directory: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try CoachProcess.json(result.stdout)["topics"] as? [Any])?.count == 17)
        #expect(try CoachProcess.run(["check"], executable: copy, directory: elsewhere).status == 0)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let result = try CoachProcess.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("topics") && result.stdout.contains("check"))
    }

    /// The bash script, loaded in bash, completes commands, options, their values
    /// and the sessions saved.
    @Test func bashCompletesCommandsOptionsAndValues() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-completion-\(UUID().uuidString)")
        let sessions = folder.appending(path: "coach/sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{}".utf8).write(to: sessions.appending(path: "boulangerie.json"))
        let script = folder.appending(path: "coach.bash")
        try Data(try CoachProcess.run(["--generate-completion-script", "bash"]).stdout.utf8).write(to: script)
        let probe = """
            source '\(script.path)'
            complete -p coach
            t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _coach; echo "${COMPREPLY[*]}"; }
            t coach pl
            t coach --lang fr plan --for
            t coach plan --format m
            t coach ask --session b
            t coach --lang ''
            """
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", probe]
        bash.environment = ["XDG_DATA_HOME": folder.path, "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        bash.standardOutput = output
        try bash.run()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
        #expect(lines == ["complete -F _coach coach", "plan", "--format", "markdown", "boulangerie", "fr en"])
    }
}
