/**
 * Dangerous goods: GB 6944 classes and divisions, UN numbers, the park's catalogue of what may come
 * in, and the goods declared on a delivery with their quantities.
 */
package io.cordon.domain.hazmat;
