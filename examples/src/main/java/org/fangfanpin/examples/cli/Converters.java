package org.fangfanpin.examples.cli;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters (参数转换) whose messages are in Chinese and English. */
final class Converters {

  private Converters() {}

  /** An ISO date such as {@code 2025-06-30}. */
  static final class IsoDate implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("日期应为 YYYY-MM-DD，如 2025-06-30 / the date must be YYYY-MM-DD, such as 2025-06-30");
      }
    }
  }

  /** A positive yuan amount with at most two decimals, read by the library's own parser. */
  static final class PositiveYuan implements ITypeConverter<Money> {
    @Override
    public Money convert(String value) {
      Validation<Seq<Problem>, Money> amount = Money.parseYuan("yuan", value);
      if (!amount.isValid()) {
        Problem problem = amount.getError().head();
        throw new TypeConversionException(problem.zh() + " / " + problem.en());
      }
      if (amount.get().fen() <= 0) {
        throw new TypeConversionException("金额必须大于 0 / the amount must be greater than 0");
      }
      return amount.get();
    }
  }
}
