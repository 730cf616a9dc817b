rule "aws-cloudtrail-logging-enabled" {
  title     = "CloudTrail trail has logging turned off"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_cloudtrail"]

  description = <<-EOT
    `enable_logging = false` keeps the trail's configuration but stops it recording: API calls
    made while it is off are never delivered to S3 or CloudWatch Logs, so an incident in that
    window cannot be investigated. Stopping trails is also one of the first things an intruder
    does, which is why it should never be the configured state. `enable_logging` defaults to
    `true`. High: the account loses its audit record. Audit logging of the customer's own API
    activity is the customer's side of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Remove `enable_logging = false` (or set it to `true`):

        resource "aws_cloudtrail" "main" {
          name                  = "main"
          s3_bucket_name        = aws_s3_bucket.trail.id
          is_multi_region_trail = true
          enable_logging        = true
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html",
  ]

  assert {
    attribute "enable_logging" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudtrail" "main" {
        name                  = "main"
        s3_bucket_name        = "org-trail-logs"
        is_multi_region_trail = true
        enable_logging        = false  # expect: aws-cloudtrail-logging-enabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "trail_enabled" {
        type    = bool
        default = false
      }

      resource "aws_cloudtrail" "main" {
        name           = "main"
        s3_bucket_name = "org-trail-logs"
        enable_logging = var.trail_enabled  # expect: aws-cloudtrail-logging-enabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudtrail" "main" {
        name                  = "main"
        s3_bucket_name        = "org-trail-logs"
        is_multi_region_trail = true
      }
    EOT
  }
}
