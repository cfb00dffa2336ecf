/** Timelines of subjects and areas from the journal and stored positions (issue 9, guideline §5.2.8.4). */
package io.cordon.server.timeline;
