rule "aws-appsync-waf" {
  title     = "AppSync GraphQL API is not protected by a WAF web ACL"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_appsync_graphql_api"]
  aliases   = ["CKV2_AWS_33"]

  description = <<-EOT
    A GraphQL endpoint accepts arbitrarily deep and wide queries; without AWS WAF in front of it
    nothing rate-limits a client, blocks known-bad IP addresses or stops oversized and
    injection-laden requests before they reach the resolvers and the data sources behind them.
    AppSync is protected by associating a WAFv2 web ACL with the API
    (`aws_wafv2_web_acl_association` whose `resource_arn` is the API's ARN); there is no default.
    Application-layer filtering is the customer's side of the shared responsibility model.
    Medium: defence in depth for an internet-facing API. APIs reachable only privately may have
    this finding suppressed with the reason.
  EOT
  remediation = <<-EOT
    Associate a regional web ACL with the API:

        resource "aws_wafv2_web_acl_association" "api" {
          resource_arn = aws_appsync_graphql_api.api.arn
          web_acl_arn  = aws_wafv2_web_acl.api.arn
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_association",
    "https://docs.aws.amazon.com/appsync/latest/devguide/WAFIntegration.html",
  ]

  assert {
    linked "aws_wafv2_web_acl_association" {
      via = "resource_arn"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_appsync_graphql_api" "api" {  # expect: aws-appsync-waf
        name                = "orders"
        authentication_type = "AWS_IAM"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_appsync_graphql_api" "api" {
        name                = "orders"
        authentication_type = "AWS_IAM"
      }
      resource "aws_wafv2_web_acl" "api" {
        name  = "orders-api"
        scope = "REGIONAL"
        default_action {
          allow {}
        }
        visibility_config {
          cloudwatch_metrics_enabled = true
          metric_name                = "orders-api"
          sampled_requests_enabled   = true
        }
      }
      resource "aws_wafv2_web_acl_association" "api" {
        resource_arn = aws_appsync_graphql_api.api.arn
        web_acl_arn  = aws_wafv2_web_acl.api.arn
      }
    EOT
  }
}
