import Foundation

/// The stages again for each of a site's other languages (`languages: [en, es]`): the translated
/// bodies rendered, the localized content checked, its pages planned under `/<language>/`.
extension SiteBuilder {
    struct LanguageBuild {
        var site: Site
        var bodies: RenderedBodies
        var pages: [PagePlan]
    }

    static func otherLanguages(_ content: SiteContent, defaultSite: Site, options: BuildOptions, baseURL: String, theme: Theme,
                               paper: Paper?, links: PrintLinks, report: DiagnosticCollector) -> [LanguageBuild] {
        content.translations.map { translation in
            let localized = content.localized(translation)
            // What the default language's checks reported already is not reported again.
            var known = Set(report.all)
            func add(_ diagnostics: [Diagnostic]) {
                for diagnostic in diagnostics where known.insert(diagnostic).inserted { report.add(diagnostic) }
            }
            let bodies = MarkdownStage.render(localized, baseURL: baseURL, reservedIDs: theme.reservedIDs, print: paper != nil)
            add(bodies.diagnostics)
            let local = DiagnosticCollector()
            var site = SiteValidator(report: local, reservedIDs: theme.reservedIDs)
                .validate(localized, buildDate: defaultSite.buildDate, baseURL: baseURL)
            add(local.all)
            add(AnchorCheck.check(bodies, reservedIDs: theme.reservedIDs))
            site.strings = ThemeStrings.load(siteDirectory: options.siteDirectory, language: translation.language, report: report)
            site.customStylesheet = defaultSite.customStylesheet
            site.edition = localized.edition
            site.translatedSiteKeys = translation.siteKeys
            site.translationFiles = Set(translation.sources.keys)
            let pages = OutputPlanner(site: site, bodies: bodies, theme: theme, paper: paper, printLinks: links).pagePlans()
            return LanguageBuild(site: site, bodies: bodies, pages: pages)
        }
    }
}
