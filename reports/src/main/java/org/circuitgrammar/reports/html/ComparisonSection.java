package org.circuitgrammar.reports.html;

import org.circuitgrammar.reports.compare.Comparison;

/**
 * One comparison section of the report.
 *
 * @param id         the section id ({@code comparison-<id>} in the page)
 * @param title      its heading
 * @param intro      what is compared, in one or two sentences
 * @param comparison the comparison
 */
record ComparisonSection(String id, String title, String intro, Comparison comparison) {
}
