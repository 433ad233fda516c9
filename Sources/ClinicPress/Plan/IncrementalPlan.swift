/// `clinicpress serve` after edits that changed Markdown bodies alone (the front matter of every
/// file, the data files, the assets and the theme are as they were): a body shows on its own
/// page and in the printed documents made from it, and nowhere else (lists and cards show titles
/// and summaries, which live in the front matter). So the last plan stays, with those pages and
/// documents planned again from the new bodies. The tests compare it with a whole plan.
extension OutputPlanner {
    /// Nil when a page or document to plan again is not where the last plan had it: the caller
    /// then plans everything.
    func replan(_ previous: OutputPlan, changedBodies: Set<String>) -> (plan: OutputPlan, changed: Set<String>)? {
        var changed: Set<String> = []
        var outputs = previous.outputs
        var index: [String: Int] = [:]
        for (position, output) in outputs.enumerated() { index[output.path] = position }
        let pagePlanner = PagePlanner(site: site, bodies: bodies, printLinks: printLinks)
        let maker = PageOutputMaker(self)
        for kind in site.kinds {
            for page in OutputPlanner.entryPages(kind, site: site, files: changedBodies, planner: pagePlanner) {
                guard let position = index[page.outputPath] else { return nil }
                outputs[position] = maker.output(page)
                changed.insert(page.outputPath)
            }
        }
        // The feed carries every article's whole body.
        let feed = AtomFeed.path(language: nil)
        if site.articles.contains(where: { changedBodies.contains($0.file) }) {
            guard let position = index[feed] else { return nil }
            outputs[position] = feedOutput()
            changed.insert(feed)
        }
        var documents = previous.printDocuments
        if let paper {
            let printPlanner = PrintPlanner(site: site, bodies: bodies, paper: paper)
            // A packet prints its handouts' bodies too: every document that shows a changed body.
            let sources = Set(documents.filter { !changedBodies.isDisjoint(with: $0.inputs) }.map(\.source))
            var documentIndex: [String: Int] = [:]
            for (position, document) in documents.enumerated() { documentIndex[document.htmlPath] = position }
            for kind in site.kinds {
                for document in OutputPlanner.entryDocuments(kind, site: site, files: sources, planner: printPlanner) {
                    guard let position = documentIndex[document.htmlPath], let output = index[document.htmlPath] else { return nil }
                    documents[position] = document
                    changed.insert(document.htmlPath)
                    outputs[output] = PlannedOutput(path: document.htmlPath,
                                                    source: .printDocument(template: document.template, context: document.context),
                                                    inputs: document.inputs)
                }
            }
        }
        let plan = OutputPlan(outputs: outputs, pageCount: previous.pageCount, printDocuments: documents,
                              crisisBlock: previous.crisisBlock)
        return (plan, changed)
    }

    /// The pages of the entries of one kind whose files are in `files`.
    static func entryPages<K: ContentKind>(_ kind: K.Type, site: Site, files: Set<String>, planner: PagePlanner) -> [PagePlan] {
        site.entries(kind).filter { files.contains($0.file) }.compactMap { K.entryPage($0, planner) }
    }

    static func entryDocuments<K: ContentKind>(_ kind: K.Type, site: Site, files: Set<String>, planner: PrintPlanner) -> [PrintDocument] {
        site.entries(kind).filter { files.contains($0.file) }.flatMap { K.entryPrintDocuments($0, planner) }
    }
}
