/** Vehicle tracking: position fixes and the rules applied to them. */
package io.cordon.domain.track;
