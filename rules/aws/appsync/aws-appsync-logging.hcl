rule "aws-appsync-logging" {
  title     = "AppSync GraphQL API does not log to CloudWatch"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_appsync_graphql_api"]
  aliases   = ["CKV_AWS_193"]

  description = <<-EOT
    AppSync request and field logs show who queried which fields, with which resolvers and which
    errors: the record needed to notice data scraping through a GraphQL API, introspection abuse
    or a failing authorizer. Without a `log_config` block (or with `field_log_level = "NONE"`)
    nothing is written to CloudWatch Logs. Logging is off unless configured, and turning it on is
    the customer's side of the shared responsibility model. Medium: a gap in detection. Set
    `exclude_verbose_content = true` when resolver context may carry personal data.
  EOT
  remediation = <<-EOT
    Add a log configuration:

        resource "aws_appsync_graphql_api" "api" {
          # ...
          log_config {
            cloudwatch_logs_role_arn = aws_iam_role.appsync_logs.arn
            field_log_level          = "ERROR"
            exclude_verbose_content  = true
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/appsync_graphql_api#log_config",
    "https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html",
  ]

  assert {
    every "log_config" {
      attribute "field_log_level" {
        not_equals = "NONE"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_appsync_graphql_api" "api" {  # expect: aws-appsync-logging
        name                = "orders"
        authentication_type = "AMAZON_COGNITO_USER_POOLS"
        user_pool_config {
          default_action = "ALLOW"
          user_pool_id   = "eu-west-1_AbCdEf123"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_appsync_graphql_api" "api" {
        name                = "orders"
        authentication_type = "AWS_IAM"
        log_config {
          cloudwatch_logs_role_arn = "arn:aws:iam::123456789012:role/appsync-logs"
          field_log_level          = "NONE"  # expect: aws-appsync-logging
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_appsync_graphql_api" "api" {
        name                = "orders"
        authentication_type = "AWS_IAM"
        log_config {
          cloudwatch_logs_role_arn = "arn:aws:iam::123456789012:role/appsync-logs"
          field_log_level          = "ERROR"
          exclude_verbose_content  = true
        }
      }
    EOT
  }
}
