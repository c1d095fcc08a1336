extension ReportTemplate {
    /// The text of `templates/report.xhtml` (a test keeps the two equal).
    static let builtInText = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <!--
          The numbers-report nightly report. Copy this file, restyle it, and name it in the config as
          output.xhtml.template. Keep the elements with an id: the tool fills them (and removes the
          *-section elements it has nothing for). Styles are inline because mail clients drop <style>.
        -->
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
        <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
        <title id="report-title">Imported numbers report</title>
        </head>
        <body style="margin:0;padding:0;background-color:#eef0f3;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2937;">
        <div style="max-width:1000px;margin:0 auto;padding:16px 12px;background-color:#ffffff;">
        <h1 style="font-size:22px;margin:0 0 4px 0;color:#111827;">Sinch imported numbers: provisioning health</h1>
        <div id="header" style="color:#4b5563;margin:0 0 16px 0;"></div>
        <div id="banner"></div>
        <h2 style="font-size:17px;margin:24px 0 8px 0;border-bottom:2px solid #e5e7eb;padding-bottom:4px;">Tonight</h2>
        <div id="totals"></div>
        <div id="changes-section">
        <h2 style="font-size:17px;margin:24px 0 8px 0;border-bottom:2px solid #e5e7eb;padding-bottom:4px;">Changes since the previous snapshot</h2>
        <div id="changes"></div>
        </div>
        <div id="trend-section">
        <h2 style="font-size:17px;margin:24px 0 8px 0;border-bottom:2px solid #e5e7eb;padding-bottom:4px;">Recent nights</h2>
        <div id="trend"></div>
        </div>
        <h2 style="font-size:17px;margin:24px 0 8px 0;border-bottom:2px solid #e5e7eb;padding-bottom:4px;">Scopes</h2>
        <div id="scopes"></div>
        <h2 style="font-size:17px;margin:24px 0 8px 0;border-bottom:2px solid #e5e7eb;padding-bottom:4px;">Carrier channels and provisioning</h2>
        <div id="channels"></div>
        <h2 style="font-size:17px;margin:24px 0 8px 0;border-bottom:2px solid #e5e7eb;padding-bottom:4px;">Top error codes</h2>
        <div id="errors"></div>
        <h2 style="font-size:17px;margin:24px 0 8px 0;border-bottom:2px solid #e5e7eb;padding-bottom:4px;">Problem numbers</h2>
        <div id="problems"></div>
        <div id="footer" style="margin:24px 0 0 0;padding-top:8px;border-top:1px solid #e5e7eb;color:#6b7280;font-size:12px;"></div>
        </div>
        </body>
        </html>

        """
}
