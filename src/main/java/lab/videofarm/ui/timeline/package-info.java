/**
 * The timeline table: every event, one row each, coloured by layer, filtered by layer and text,
 * following the newest event or scrubbing back to a selected one; fed in batches, and saved to and
 * loaded from JSON-lines files.
 */
package lab.videofarm.ui.timeline;
