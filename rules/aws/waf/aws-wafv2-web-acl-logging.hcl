rule "aws-wafv2-web-acl-logging" {
  title     = "WAFv2 web ACL does not log the requests it inspects"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_wafv2_web_acl"]
  aliases   = ["CKV2_AWS_31"]

  description = <<-EOT
    Without a logging configuration a web ACL keeps only metrics and a three-hour sample of
    requests: there is no record of which requests were blocked or allowed, from where and by
    which rule, to investigate an attack, tune a rule that blocks real users, or prove that one
    was in place. Logging is enabled with an `aws_wafv2_web_acl_logging_configuration` whose
    `resource_arn` is the web ACL's ARN; there is none by default. Logging is the customer's
    choice under the shared responsibility model. Medium: a gap in detection at the edge. Use
    `redacted_fields` for headers that carry credentials.
  EOT
  remediation = <<-EOT
    Log to CloudWatch Logs (a log group named `aws-waf-logs-*`), S3 or Firehose:

        resource "aws_wafv2_web_acl_logging_configuration" "api" {
          resource_arn            = aws_wafv2_web_acl.api.arn
          log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
          redacted_fields {
            single_header {
              name = "authorization"
            }
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_logging_configuration",
    "https://docs.aws.amazon.com/waf/latest/developerguide/logging.html",
  ]

  assert {
    linked "aws_wafv2_web_acl_logging_configuration" {
      via = "resource_arn"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_wafv2_web_acl" "api" {  # expect: aws-wafv2-web-acl-logging
        name  = "api"
        scope = "REGIONAL"
        default_action {
          allow {}
        }
        visibility_config {
          cloudwatch_metrics_enabled = true
          metric_name                = "api"
          sampled_requests_enabled   = true
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_wafv2_web_acl" "api" {
        name  = "api"
        scope = "REGIONAL"
        default_action {
          allow {}
        }
        visibility_config {
          cloudwatch_metrics_enabled = true
          metric_name                = "api"
          sampled_requests_enabled   = true
        }
      }
      resource "aws_cloudwatch_log_group" "waf" {
        name              = "aws-waf-logs-api"
        retention_in_days = 365
      }
      resource "aws_wafv2_web_acl_logging_configuration" "api" {
        resource_arn            = aws_wafv2_web_acl.api.arn
        log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
      }
    EOT
  }
}
