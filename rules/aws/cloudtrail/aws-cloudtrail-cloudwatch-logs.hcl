rule "aws-cloudtrail-cloudwatch-logs" {
  title     = "CloudTrail trail does not deliver its events to CloudWatch Logs"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_cloudtrail"]
  aliases   = ["CKV2_AWS_10", "AVD-AWS-0162", "aws-cloudtrail-ensure-cloudwatch-integration"]
  compliance = {
    "cis-aws-1.2" = ["2.4"]
    "cis-aws-1.4" = ["3.4"]
  }

  description = <<-EOT
    A trail writes its log files to S3, where they are kept but nobody watches them. Sending the
    events to a CloudWatch Logs group as well (`cloud_watch_logs_group_arn` with
    `cloud_watch_logs_role_arn`) lets metric filters and alarms react within minutes to root
    sign-ins, policy changes, disabled keys or console logins without MFA. Without it, the
    monitoring controls of the CIS AWS Foundations Benchmark cannot be built on the trail. Low: the
    events are still recorded; what is missing is timely detection, which is the customer's side
    of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Point the trail at a log group and give it a role CloudTrail can assume to write there:

        resource "aws_cloudtrail" "main" {
          name                       = "main"
          s3_bucket_name             = aws_s3_bucket.trail.id
          is_multi_region_trail      = true
          cloud_watch_logs_group_arn = "$${aws_cloudwatch_log_group.trail.arn}:*"
          cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
  ]

  assert {
    attribute "cloud_watch_logs_group_arn" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudtrail" "main" {  # expect: aws-cloudtrail-cloudwatch-logs
        name                  = "main"
        s3_bucket_name        = "org-trail-logs"
        is_multi_region_trail = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudwatch_log_group" "trail" {
        name = "cloudtrail"
      }

      resource "aws_cloudtrail" "main" {
        name                       = "main"
        s3_bucket_name             = "org-trail-logs"
        is_multi_region_trail      = true
        cloud_watch_logs_group_arn = "$${aws_cloudwatch_log_group.trail.arn}:*"
        cloud_watch_logs_role_arn  = "arn:aws:iam::111111111111:role/cloudtrail-to-logs"
      }
    EOT
  }
}
