import Foundation
import NumbersReportCore
import Testing

/// A bag is evidence from anywhere: `verify` must not read outside it, follow a link, open a FIFO or a
/// device, or accept a payload file listed twice, even when every checksum in it is right.
@Suite("verify treats a bag as hostile")
struct VerifyHostileBagTests {
    /// What an attacker does after planting files: lists `payload` (manifest path → file to hash, or
    /// nil for a checksum of zeros) and `tags` besides the real payload, recomputes both payload
    /// manifests, Payload-Oxum and the tag manifest, so that only the planted paths are wrong.
    private func rebag(
        _ bag: String, payload: [String: String?] = [:], tags: [String: String] = [:], twice: String? = nil
    )
        async throws
    {
        let script = """
            import hashlib, json, os, sys
            bag, payload, tags, twice = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4]
            def digest(path, algorithm):
                if path is None: return "0" * (64 if algorithm == "sha256" else 128)
                h = hashlib.new(algorithm)
                with open(path, "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""): h.update(block)
                return h.hexdigest()
            entries = {}
            for root, dirs, files in os.walk(os.path.join(bag, "data")):
                for name in files:
                    full = os.path.join(root, name)
                    if os.path.isfile(full) and not os.path.islink(full): entries[os.path.relpath(full, bag)] = full
            entries.update(payload)
            size = sum(os.path.getsize(p) for p in entries.values() if p is not None and os.path.isfile(p))
            for algorithm in ("sha256", "sha512"):
                lines = ["%s  %s\\n" % (digest(p, algorithm), name) for name, p in sorted(entries.items())]
                lines += ["%s  %s\\n" % (digest(entries[twice], algorithm), twice)] if twice else []
                open(os.path.join(bag, "manifest-%s.txt" % algorithm), "w").write("".join(lines))
            info = open(os.path.join(bag, "bag-info.txt")).read().splitlines()
            info = ["Payload-Oxum: %d.%d" % (size, len(entries)) if l.startswith("Payload-Oxum:") else l for l in info]
            open(os.path.join(bag, "bag-info.txt"), "w").write("\\n".join(info) + "\\n")
            files = {n: os.path.join(bag, n) for n in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt")}
            files.update(tags)
            open(os.path.join(bag, "tagmanifest-sha256.txt"), "w").write(
                "".join("%s  %s\\n" % (digest(p, "sha256"), n) for n, p in files.items()))
            """
        let payloadJSON = String(
            decoding: try JSONSerialization.data(
                withJSONObject: payload.mapValues { value -> Any in value ?? NSNull() }), as: UTF8.self)
        let tagsJSON = String(decoding: try JSONSerialization.data(withJSONObject: tags), as: UTF8.self)
        let result = try await runTool(
            ["python3", "-c", script, bag, payloadJSON, tagsJSON, twice ?? ""], captureErrors: true)
        #expect(result.status == 0, "\(String(decoding: result.output, as: UTF8.self))")
    }

    /// A fresh copy of `snapshot` in a directory of its own.
    private func copy(_ snapshot: String, in directory: String, _ label: String) throws -> String {
        let bag = directory + "/\(label)/2026-11-29T020000Z"
        try FileManager.default.createDirectory(atPath: directory + "/\(label)", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: snapshot, toPath: bag)
        return bag
    }

    private static let upward = String(repeating: "../", count: 24)

    @Test("paths leaving the bag, links to files and to the data directory are refused, naming the path")
    func outsideTheBag() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let directory = harness.outputDirectory + "/hostile"
            let verifier = BagVerifier()

            // The tag manifest lists /etc/passwd through `..`, and an absolute path, with the right checksums.
            let dotdot = try copy(snapshot, in: directory, "dotdot")
            try await rebag(
                dotdot, tags: [Self.upward + "etc/passwd": "/etc/passwd", "/etc/hostname": "/etc/hostname"])
            var problems = verifier.verify(snapshot: dotdot)
            #expect(
                problems.contains { $0.file == Self.upward + "etc/passwd" && $0.problem.contains("leaves the bag") },
                "\(problems)")
            #expect(
                problems.contains { $0.file == "/etc/hostname" && $0.problem.contains("absolute path") }, "\(problems)")

            // The payload manifests list data/../…/etc/passwd.
            let payloadDotdot = try copy(snapshot, in: directory, "payload-dotdot")
            try await rebag(payloadDotdot, payload: ["data/" + Self.upward + "etc/passwd": "/etc/passwd"])
            problems = verifier.verify(snapshot: payloadDotdot)
            #expect(
                problems.contains { $0.file.hasSuffix("etc/passwd") && $0.problem.contains("leaves the bag") },
                "\(problems)")

            // A payload file that is a link to /etc/passwd.
            let linkedFile = try copy(snapshot, in: directory, "linked-file")
            try FileManager.default.createSymbolicLink(
                atPath: linkedFile + "/data/passwd", withDestinationPath: "/etc/passwd")
            try await rebag(linkedFile, payload: ["data/passwd": "/etc/passwd"])
            problems = verifier.verify(snapshot: linkedFile)
            #expect(
                problems.contains { $0.file == "data/passwd" && $0.problem.contains("symbolic link") }, "\(problems)")

            // The data directory is a link to a copy elsewhere (every checksum right).
            let linkedData = try copy(snapshot, in: directory, "linked-data")
            try FileManager.default.moveItem(atPath: linkedData + "/data", toPath: directory + "/elsewhere-data")
            try FileManager.default.createSymbolicLink(
                atPath: linkedData + "/data", withDestinationPath: directory + "/elsewhere-data")
            problems = verifier.verify(snapshot: linkedData)
            #expect(problems.contains { $0.file == "data" && $0.problem.contains("symbolic link") }, "\(problems)")

            // A tag file that is a link.
            let linkedTag = try copy(snapshot, in: directory, "linked-tag")
            try FileManager.default.removeItem(atPath: linkedTag + "/bagit.txt")
            try "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".write(
                toFile: directory + "/bagit-elsewhere.txt", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(
                atPath: linkedTag + "/bagit.txt", withDestinationPath: directory + "/bagit-elsewhere.txt")
            problems = verifier.verify(snapshot: linkedTag)
            #expect(problems.contains { $0.file == "bagit.txt" && $0.problem.contains("symbolic link") }, "\(problems)")

            // The untouched snapshot still verifies.
            #expect(verifier.verify(snapshot: snapshot).isEmpty)
        }
    }

    @Test("a payload file listed twice is an error")
    func listedTwice() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let bag = try copy(snapshot, in: harness.outputDirectory + "/hostile", "twice")
            try await rebag(bag, twice: "data/numbers.csv")
            let problems = BagVerifier().verify(snapshot: bag)
            #expect(
                problems.contains { $0.file == "data/numbers.csv" && $0.problem.contains("listed twice") },
                "\(problems)")
        }
    }

    /// Runs `numbers-report verify` and kills it after `seconds`.
    private func verifyProcess(
        _ bag: String, seconds: Double
    ) async throws -> (timedOut: Bool, status: Int32, output: String) {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = FileManager.default.createFile(atPath: directory + "/out", contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ToolProcess.executable)
        process.arguments = ["verify", bag]
        process.standardOutput = FileHandle(forWritingAtPath: directory + "/out")
        process.standardError = FileHandle(forWritingAtPath: directory + "/out")
        try process.run()
        let deadline = ContinuousClock.now + .seconds(seconds)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (timedOut, process.terminationStatus, try String(contentsOfFile: directory + "/out", encoding: .utf8))
    }

    @Test("a FIFO or a link to /dev/zero in the payload fails at once instead of hanging verify")
    func fifoAndDevice() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let directory = harness.outputDirectory + "/hostile"

            let fifo = try copy(snapshot, in: directory, "fifo")
            #expect(mkfifo(fifo + "/data/pipe", 0o644) == 0)
            try await rebag(fifo, payload: ["data/pipe": nil])
            let fifoRun = try await verifyProcess(fifo, seconds: 20)
            #expect(!fifoRun.timedOut, "verify hung on a FIFO")
            #expect(fifoRun.status == 1)
            #expect(fifoRun.output.contains("data/pipe: ") && fifoRun.output.contains("FIFO"), "\(fifoRun.output)")

            let zero = try copy(snapshot, in: directory, "zero")
            try FileManager.default.createSymbolicLink(atPath: zero + "/data/zero", withDestinationPath: "/dev/zero")
            try await rebag(zero, payload: ["data/zero": nil])
            let zeroRun = try await verifyProcess(zero, seconds: 20)
            #expect(!zeroRun.timedOut, "verify hung on /dev/zero")
            #expect(zeroRun.status == 1)
            #expect(
                zeroRun.output.contains("data/zero: ") && zeroRun.output.contains("symbolic link"), "\(zeroRun.output)")
        }
    }

    @Test("a payload file grown past the whole declared payload (a sparse 8 GiB) is named, not hashed")
    func grownPastPayloadOxum() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let bag = try copy(snapshot, in: harness.outputDirectory + "/hostile", "sparse")
            #expect(truncate(bag + "/data/numbers.csv", 1 << 33) == 0)
            let run = try await verifyProcess(bag, seconds: 20)
            #expect(!run.timedOut, "verify hashed 8 GiB")
            #expect(run.status == 1)
            #expect(
                run.output.contains("data/numbers.csv: is 8589934592 bytes, more than the whole payload"),
                "\(run.output)")
        }
    }

    @Test("a file name with a line break and escape codes is reported on one inert line")
    func hostileFileName() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let bag = try copy(snapshot, in: harness.outputDirectory + "/hostile", "name")
            let name = "x\u{1B}[2J\nOK: 1 snapshot verified"
            #expect(FileManager.default.createFile(atPath: bag + "/data/" + name, contents: Data("x".utf8)))
            let lines = BagVerifier().verify(snapshot: bag).map(\.description)
            #expect(
                lines.contains { $0.contains(#"data/x\u{1B}[2J\nOK: 1 snapshot verified: present but not listed"#) },
                "\(lines)")
            #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\u{1B}") })
        }
    }

    @Test("a sparse file the bag declares honestly is still not read past verify's own ceiling")
    func sparseFileDeclared() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let bag = try copy(snapshot, in: harness.outputDirectory + "/hostile", "declared")
            let huge = bag + "/data/huge.bin"
            #expect(FileManager.default.createFile(atPath: huge, contents: nil))
            #expect(truncate(huge, 1 << 41) == 0)
            try await rebag(bag, payload: ["data/huge.bin": nil])  // Payload-Oxum counts its 2 TiB
            let run = try await verifyProcess(bag, seconds: 20)
            #expect(!run.timedOut, "verify hashed two terabytes")
            #expect(run.status == 1)
            #expect(
                run.output.contains("data/huge.bin: is 2199023255552 bytes, more than verify reads"), "\(run.output)")
        }
    }

    @Test("two names that are one as Unicode text (é and e + U+0301) are refused, not merged")
    func unicodeForms() async throws {
        try await RunHarness.with { harness in
            let snapshot = try #require(try await harness.run().snapshotPath)
            let bag = try copy(snapshot, in: harness.outputDirectory + "/hostile", "forms")
            for name in ["caf\u{E9}.txt", "cafe\u{301}.txt"] {
                // Through POSIX with the exact bytes: Foundation may normalise file names.
                let descriptor = open(bag + "/data/" + name, O_CREAT | O_WRONLY, 0o644)
                #expect(descriptor >= 0)
                close(descriptor)
            }
            try await rebag(bag)
            let problems = BagVerifier().verify(snapshot: bag)
            #expect(problems.contains { $0.problem.contains("read the same") }, "\(problems)")
        }
    }
}
