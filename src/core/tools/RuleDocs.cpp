// ogi_rule_docs: renders the rule reference from the data (issue 10.2) through the core's own
// API (ogi/RuleHelp.h): docs/rules.md (the index) and docs/rules.<lang>.md for every catalog
// language with --docs DIR; the extension's help pages help/rules_<lang>.html with --help DIR.
// The test docs.rule_reference fails when the checked-in docs differ from what this writes.
#include "ogi/Message.h"
#include "ogi/RuleHelp.h"

#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

namespace {

bool writeFile(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "ogi_rule_docs: cannot write " << path << "\n";
        return false;
    }
    return true;
}

int usage()
{
    std::cerr << "usage: ogi_rule_docs [--docs DIR] [--help DIR]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    std::string docs, help;
    for (int i = 1; i < argc; ++i) {
        if (i + 1 < argc && std::strcmp(argv[i], "--docs") == 0)
            docs = argv[++i];
        else if (i + 1 < argc && std::strcmp(argv[i], "--help") == 0)
            help = argv[++i];
        else
            return usage();
    }
    if (docs.empty() && help.empty())
        return usage();
    try {
        bool ok = true;
        if (!docs.empty()) {
            ok = writeFile(docs + "/rules.md", ogi::ruleReferenceIndex()) && ok;
            for (const std::string& lang : ogi::messageLanguages())
                ok = writeFile(docs + "/rules." + lang + ".md", ogi::ruleReferenceMarkdown(lang)) && ok;
        }
        if (!help.empty())
            for (const std::string& lang : ogi::messageLanguages())
                ok = writeFile(help + "/" + ogi::ruleHelpPageName(lang), ogi::ruleReferenceHtml(lang)) && ok;
        return ok ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "ogi_rule_docs: " << e.what() << "\n";   // an invalid catalog or rules file
        return 1;
    }
}
