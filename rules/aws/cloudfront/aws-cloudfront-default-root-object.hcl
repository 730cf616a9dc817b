rule "aws-cloudfront-default-root-object" {
  title     = "CloudFront distribution has no default root object"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_cloudfront_distribution"]
  aliases   = ["CKV_AWS_305"]

  description = <<-EOT
    Without `default_root_object`, a request for the distribution's root URL is passed to the
    origin as is. For an S3 origin that can return a listing of the bucket's objects, for a custom
    origin whatever its root serves, both of which may disclose content not meant to be browsed.
    Naming the object to serve (usually `index.html`) is the customer's configuration under the
    shared responsibility model. Low: information disclosure that other controls (private buckets
    with origin access control) usually prevent.
  EOT
  remediation = "Set `default_root_object = \"index.html\"` (or the object the site's root should serve)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#default_root_object",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html",
  ]

  assert {
    attribute "default_root_object" {
      length_gte = 1
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "site" {  # expect: aws-cloudfront-default-root-object
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
        enabled             = true
        default_root_object = "index.html"

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
}
