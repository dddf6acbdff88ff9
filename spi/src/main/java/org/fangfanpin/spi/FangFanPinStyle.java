package org.fangfanpin.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: abstract types are named {@code AbstractX} or are
 * interfaces, the generated immutable is {@code X}, it has a builder and {@code with*} copies, and
 * nothing accepts or returns {@code null}.
 *
 * <p>Placed on a {@code package-info} so every value type of that package looks the same.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = {"Abstract*"},
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true),
    allParameters = false,
    jdkOnly = true,
    optionalAcceptNullable = false,
    validationMethod = Value.Style.ValidationMethod.SIMPLE,
    redactedMask = "****")
public @interface FangFanPinStyle {}
