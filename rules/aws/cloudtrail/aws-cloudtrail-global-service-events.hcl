rule "aws-cloudtrail-global-service-events" {
  title     = "CloudTrail trail does not record events of global services such as IAM"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_cloudtrail"]

  description = <<-EOT
    IAM, STS (for global endpoint calls), CloudFront and other global services deliver their
    events to trails that include global service events. With
    `include_global_service_events = false` the trail misses user, role and policy changes and
    console sign-ins: exactly the events an investigation of stolen credentials needs. It defaults
    to `true`. Medium: a gap in the audit record of identity changes. Audit logging is the
    customer's side of the shared responsibility model. In an account with several trails, one of
    them including global events is enough; suppress this finding on the others with the reason.
  EOT
  remediation = <<-EOT
    Remove `include_global_service_events = false` (or set it to `true`):

        resource "aws_cloudtrail" "main" {
          name                          = "main"
          s3_bucket_name                = aws_s3_bucket.trail.id
          is_multi_region_trail         = true
          include_global_service_events = true
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events",
  ]

  assert {
    attribute "include_global_service_events" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudtrail" "main" {
        name                          = "main"
        s3_bucket_name                = "org-trail-logs"
        include_global_service_events = false  # expect: aws-cloudtrail-global-service-events
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
