/**
 * Identity numbers of people, vehicles and enterprises, each validated by its standard:
 * resident ID (GB 11643, ISO 7064 MOD 11-2), mainland mobile number, VIN (ISO 3779 / GB 16735)
 * and unified social credit code (GB 32100). Each type parses text typed by a person and throws
 * IllegalArgumentException whose message is the reason to show next to the field.
 */
package io.cordon.domain.identity;
