"""Business rules of the statutory registers, each named after the rule it implements.

working_days: England and Wales working days; asb: the case review threshold, clocks and published counts;
pspo: order durations, extensions, consultation and publication; dhr: review clocks and milestone order.
"""
