rule "aws-cloudtrail-multi-region" {
  title     = "CloudTrail trail records only the region it was created in"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_cloudtrail"]
  aliases   = ["CKV_AWS_67", "AVD-AWS-0014", "aws-cloudtrail-enable-all-regions"]
  compliance = {
    "cis-aws-1.4" = ["3.1"]
    "cis-aws-3.0" = ["3.1"]
  }

  description = <<-EOT
    A single-region trail does not record API activity in the other regions. Attackers with
    stolen credentials routinely work in regions the account does not normally use (to mine
    cryptocurrency or stage resources) precisely because nobody watches them there. A
    multi-region trail also records new regions as they are enabled. Audit logging of the
    account's control plane is configured by the customer under the shared responsibility model.
    `is_multi_region_trail` defaults to `false`.
  EOT
  remediation = "Set `is_multi_region_trail = true` (keep `include_global_service_events = true`, its default)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
  ]

  assert {
    attribute "is_multi_region_trail" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudtrail" "main" {  # expect: aws-cloudtrail-multi-region
        name           = "main"
        s3_bucket_name = "example-cloudtrail-logs"
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
