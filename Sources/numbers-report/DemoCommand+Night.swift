import FakeSinchAPI
import Foundation
import Logging
import NumbersReportCore
import SinchImportedNumbers

extension DemoCommand {
    /// Publishes one night of the demo: a fake API of its own on loopback, serving night `night` of its data's
    /// evolution (``FakeSinchAPIConfiguration/night``, 0 the data as generated) as of `clock`, and the real
    /// pipeline against it with `clock` as the run's clock.
    func publishNight(
        _ night: Int, clock: Date, configuration: ReportConfiguration, logger: Logger, progress: TerminalProgress?
    ) async throws -> StopSignals.Outcome<RunOutcome> {
        var fakeConfiguration = FakeSinchAPIConfiguration()
        fakeConfiguration.referenceTime = clock
        fakeConfiguration.night = night
        let fake = FakeSinchAPI(configuration: fakeConfiguration)
        try await fake.start()
        var demo = configuration
        demo.api.baseURL = fake.baseURL
        demo.api.tokenURL = fake.tokenURL
        let run = ReportRun(
            configuration: demo,
            credentials: Credentials(keyID: fakeConfiguration.keyID, keySecret: fakeConfiguration.keySecret),
            clock: clock, logger: logger, progress: progress?.eventHandler)
        let stopped = await StopSignals.cancelling { try await run.run() }
        await fake.stop()
        return stopped
    }
}
