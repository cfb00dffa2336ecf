/** Gates (门禁/卡口) at run time: states, commands, access decisions. */
package io.cordon.domain.gate;
