rule "aws-cloudtrail-log-file-validation" {
  title     = "CloudTrail log file integrity validation is disabled"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_cloudtrail"]
  aliases   = ["CKV_AWS_36", "AVD-AWS-0016", "aws-cloudtrail-enable-log-validation"]
  compliance = {
    "cis-aws-1.4" = ["3.2"]
    "cis-aws-3.0" = ["3.2"]
  }

  description = <<-EOT
    With log file validation CloudTrail delivers a signed digest file every hour that lets you
    prove whether a log file was modified, deleted or forged after delivery. Without it, an
    intruder who gains write access to the log bucket can quietly remove the records of what they
    did, and the logs lose their value as evidence. Audit logging is the customer's configuration
    under the shared responsibility model. `enable_log_file_validation` defaults to `false`.
  EOT
  remediation = "Set `enable_log_file_validation = true` on the trail, and validate with `aws cloudtrail validate-logs` during investigations."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
  ]

  assert {
    attribute "enable_log_file_validation" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudtrail" "main" {  # expect: aws-cloudtrail-log-file-validation
        name                  = "main"
        s3_bucket_name        = "example-cloudtrail-logs"
        is_multi_region_trail = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudtrail" "main" {
        name                       = "main"
        s3_bucket_name             = "example-cloudtrail-logs"
        is_multi_region_trail      = true
        enable_log_file_validation = true
      }
    EOT
  }
}
