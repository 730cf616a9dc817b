rule "aws-cloudfront-access-logging" {
  title     = "CloudFront distribution does not write access logs"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_cloudfront_distribution"]
  aliases   = ["CKV_AWS_86", "AVD-AWS-0010", "aws-cloudfront-enable-logging"]

  description = <<-EOT
    CloudFront access logs record every viewer request: client address, path, status and TLS
    details. Without them an attack on the origin through the CDN, content scraping or credential
    stuffing cannot be traced or scoped. Logging is off unless the customer configures it, which is
    the customer's side of the shared responsibility model. Medium: detection, not exposure. The
    rule asks for a `logging_config` block (standard logging to S3); distributions logging through
    CloudWatch Logs delivery (`aws_cloudwatch_log_delivery_source`) should suppress the finding.
  EOT
  remediation = "Add `logging_config { bucket = \"LOG-BUCKET.s3.amazonaws.com\", prefix = \"cdn/\" }` to the distribution."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#logging-config-arguments",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html",
  ]

  assert {
    attribute "logging_config.bucket" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "site" {  # expect: aws-cloudfront-access-logging
        enabled = true

        origin {
          domain_name = "site.s3.eu-west-1.amazonaws.com"
          origin_id   = "site"
        }

        default_cache_behavior {
          target_origin_id       = "site"
          viewer_protocol_policy = "redirect-to-https"
          allowed_methods        = ["GET", "HEAD"]
          cached_methods         = ["GET", "HEAD"]
          cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
        }

        restrictions {
          geo_restriction {
            restriction_type = "none"
          }
        }

        viewer_certificate {
          cloudfront_default_certificate = true
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "site" {
        enabled = true

        origin {
          domain_name = "site.s3.eu-west-1.amazonaws.com"
          origin_id   = "site"
        }

        logging_config {
          bucket = "example-cdn-logs.s3.amazonaws.com"
          prefix = "site/"
        }

        default_cache_behavior {
          target_origin_id       = "site"
          viewer_protocol_policy = "redirect-to-https"
          allowed_methods        = ["GET", "HEAD"]
          cached_methods         = ["GET", "HEAD"]
          cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
        }

        restrictions {
          geo_restriction {
            restriction_type = "none"
          }
        }

        viewer_certificate {
          cloudfront_default_certificate = true
        }
      }
    EOT
  }
}
