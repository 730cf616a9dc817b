rule "aws-cloudwatch-alarm-actions-disabled" {
  title     = "CloudWatch alarm has its actions disabled"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_cloudwatch_metric_alarm"]

  description = <<-EOT
    With `actions_enabled = false` an alarm still changes state but runs none of its
    `alarm_actions`, `ok_actions` or `insufficient_data_actions`: nobody is paged, no SNS topic is
    notified, no remediation runs. Alarms built on CloudTrail metric filters (root sign-in, policy
    changes, console sign-in without MFA) then detect in silence. `actions_enabled` defaults to
    `true`. Low: detection exists but its response is off. Acting on the customer's own alarms is
    the customer's side of the shared responsibility model. Alarms muted during a maintenance
    window should be turned back on, or this finding suppressed with the reason.
  EOT
  remediation = <<-EOT
    Remove `actions_enabled = false` (or set it to `true`):

        resource "aws_cloudwatch_metric_alarm" "root_login" {
          alarm_name          = "root-login"
          namespace           = "CISBenchmark"
          metric_name         = "RootLogin"
          statistic           = "Sum"
          period              = 300
          evaluation_periods  = 1
          threshold           = 1
          comparison_operator = "GreaterThanOrEqualToThreshold"
          alarm_actions       = [aws_sns_topic.security.arn]
          actions_enabled     = true
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_metric_alarm",
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html",
  ]

  assert {
    attribute "actions_enabled" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudwatch_metric_alarm" "root_login" {
        alarm_name          = "root-login"
        namespace           = "CISBenchmark"
        metric_name         = "RootLogin"
        statistic           = "Sum"
        period              = 300
        evaluation_periods  = 1
        threshold           = 1
        comparison_operator = "GreaterThanOrEqualToThreshold"
        alarm_actions       = ["arn:aws:sns:eu-west-1:111111111111:security"]
        actions_enabled     = false  # expect: aws-cloudwatch-alarm-actions-disabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudwatch_metric_alarm" "root_login" {
        alarm_name          = "root-login"
        namespace           = "CISBenchmark"
        metric_name         = "RootLogin"
        statistic           = "Sum"
        period              = 300
        evaluation_periods  = 1
        threshold           = 1
        comparison_operator = "GreaterThanOrEqualToThreshold"
        alarm_actions       = ["arn:aws:sns:eu-west-1:111111111111:security"]
      }
    EOT
  }
}
