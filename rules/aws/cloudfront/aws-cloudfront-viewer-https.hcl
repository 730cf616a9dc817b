rule "aws-cloudfront-viewer-https" {
  title     = "CloudFront distribution lets viewers use plain HTTP"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_cloudfront_distribution"]
  aliases   = ["CKV_AWS_34", "AVD-AWS-0012", "aws-cloudfront-enforce-https"]

  description = <<-EOT
    A cache behavior with `viewer_protocol_policy = "allow-all"` serves content over HTTP as well
    as HTTPS, so cookies, tokens and page content can be read or modified in transit, and users who
    type the bare domain are never moved to HTTPS. CloudFront provides TLS at the edge, but
    requiring it is the customer's configuration under the shared responsibility model. The rule
    checks the default cache behavior and every ordered cache behavior.
  EOT
  remediation = "Set `viewer_protocol_policy` to `redirect-to-https` (or `https-only`) in `default_cache_behavior` and in every `ordered_cache_behavior`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html",
  ]

  assert {
    attribute "default_cache_behavior.viewer_protocol_policy" {
      not_equals = "allow-all"
    }
    each "ordered_cache_behavior" {
      attribute "viewer_protocol_policy" {
        not_equals = "allow-all"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "site" {
        enabled = true

        origin {
          domain_name              = "example-site.s3.eu-west-1.amazonaws.com"
          origin_id                = "site"
          origin_access_control_id = "E2QWRUHAPOMQZL"
        }

        default_cache_behavior {
          target_origin_id       = "site"
          allowed_methods        = ["GET", "HEAD"]
          cached_methods         = ["GET", "HEAD"]
          viewer_protocol_policy = "allow-all"  # expect: aws-cloudfront-viewer-https
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

  example "bad" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "site" {
        enabled = true

        origin {
          domain_name              = "example-site.s3.eu-west-1.amazonaws.com"
          origin_id                = "site"
          origin_access_control_id = "E2QWRUHAPOMQZL"
        }

        default_cache_behavior {
          target_origin_id       = "site"
          allowed_methods        = ["GET", "HEAD"]
          cached_methods         = ["GET", "HEAD"]
          viewer_protocol_policy = "redirect-to-https"
          cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
        }

        ordered_cache_behavior {
          path_pattern           = "/legacy/*"
          target_origin_id       = "site"
          allowed_methods        = ["GET", "HEAD"]
          cached_methods         = ["GET", "HEAD"]
          viewer_protocol_policy = "allow-all"  # expect: aws-cloudfront-viewer-https
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
          domain_name              = "example-site.s3.eu-west-1.amazonaws.com"
          origin_id                = "site"
          origin_access_control_id = "E2QWRUHAPOMQZL"
        }

        default_cache_behavior {
          target_origin_id       = "site"
          allowed_methods        = ["GET", "HEAD"]
          cached_methods         = ["GET", "HEAD"]
          viewer_protocol_policy = "redirect-to-https"
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
