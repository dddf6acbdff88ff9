package org.fangfanpin.core.assessment;

import java.util.stream.Collectors;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.Money;
import org.immutables.value.Value;

/**
 * One rule that fired (触发规则), with the figures it compared and a message in Chinese and in
 * English. The messages are built on demand so that screening a county allocates no text.
 */
@Value.Immutable
public abstract class AbstractRuleFinding {

  /** The rule. */
  @Value.Parameter
  public abstract AssessmentRule rule();

  /** The left-hand figure of the comparison (income, income after expenditure, expenditure). */
  @Value.Parameter
  public abstract Money actual();

  /** The figure it was compared with (the line for the household, or last year's income). */
  @Value.Parameter
  public abstract Money limit();

  /** The basic needs that are not secure, for {@link AssessmentRule#BASIC_NEED_UNMET}. */
  @Value.Parameter
  public abstract java.util.Set<BasicNeed> unmetNeeds();

  /** The reason in Chinese. */
  @Value.Lazy
  public String zh() {
    switch (rule()) {
      case INCOME_BELOW_LINE:
        return "近12个月家庭纯收入 " + actual().toYuanString() + " 元，低于监测标准乘以家庭人口 "
            + limit().toYuanString() + " 元";
      case INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE:
        return "扣除刚性支出后家庭纯收入 " + actual().toYuanString() + " 元，低于监测标准乘以家庭人口 "
            + limit().toYuanString() + " 元";
      case RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME:
        return "刚性支出 " + actual().toYuanString() + " 元，超过上年度家庭纯收入的政策倍数 "
            + limit().toYuanString() + " 元";
      case SHARP_INCOME_DROP:
        return "家庭纯收入大幅缩减：近12个月 " + actual().toYuanString() + " 元，低于上年度收入按政策比例折算的 "
            + limit().toYuanString() + " 元";
      default:
        return "未达到保障要求：" + unmetNeeds().stream().sorted().map(BasicNeed::zh).collect(Collectors.joining("、"));
    }
  }

  /** The reason in English. */
  @Value.Lazy
  public String en() {
    switch (rule()) {
      case INCOME_BELOW_LINE:
        return "net income of the last 12 months " + actual().toYuanString()
            + " yuan is below the monitoring line times members, " + limit().toYuanString() + " yuan";
      case INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE:
        return "net income after rigid expenditure " + actual().toYuanString()
            + " yuan is below the monitoring line times members, " + limit().toYuanString() + " yuan";
      case RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME:
        return "rigid expenditure " + actual().toYuanString()
            + " yuan exceeds the policy multiple of last year's income, " + limit().toYuanString() + " yuan";
      case SHARP_INCOME_DROP:
        return "income fell sharply: " + actual().toYuanString()
            + " yuan in the last 12 months, below the policy share of last year's income, "
            + limit().toYuanString() + " yuan";
      default:
        return "basic needs not secure: " + unmetNeeds().stream().sorted().map(BasicNeed::en)
            .collect(Collectors.joining(", "));
    }
  }
}
