rule "aws-cloudtrail-kms-encryption" {
  title     = "CloudTrail logs are not encrypted with a customer-managed KMS key"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_cloudtrail"]
  aliases   = ["CKV_AWS_35", "AVD-AWS-0015", "aws-cloudtrail-encryption-customer-managed-key"]
  compliance = {
    "cis-aws-1.4" = ["3.7"]
    "cis-aws-3.0" = ["3.5"]
  }

  description = <<-EOT
    Without `kms_key_id` CloudTrail log files are protected only by the S3 default encryption of
    the bucket (SSE-S3), so anyone who can read the bucket can read the logs, which describe every
    API call, resource and principal in the account. With SSE-KMS, reading a log additionally
    requires `kms:Decrypt` on a key whose policy you control, every decryption is itself logged,
    and access can be cut off by changing the key policy. Protecting audit data is the customer's
    job under the shared responsibility model.
  EOT
  remediation = "Create an `aws_kms_key` whose key policy allows `cloudtrail.amazonaws.com` to use it for this trail, and set `kms_key_id` on the `aws_cloudtrail` to the key ARN."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
  ]

  assert {
    attribute "kms_key_id" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudtrail" "main" {  # expect: aws-cloudtrail-kms-encryption
        name                       = "main"
        s3_bucket_name             = "example-cloudtrail-logs"
        is_multi_region_trail      = true
        enable_log_file_validation = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "trail" {
        description         = "CloudTrail logs"
        enable_key_rotation = true
      }

      resource "aws_cloudtrail" "main" {
        name                       = "main"
        s3_bucket_name             = "example-cloudtrail-logs"
        is_multi_region_trail      = true
        enable_log_file_validation = true
        kms_key_id                 = aws_kms_key.trail.arn
      }
    EOT
  }
}
