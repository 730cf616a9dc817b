rule "aws-cloudfront-origin-tls" {
  title     = "CloudFront reaches a custom origin over plain HTTP or with outdated TLS"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_cloudfront_distribution"]

  description = <<-EOT
    Viewer HTTPS protects only the first leg. A custom origin with `origin_protocol_policy =
    "http-only"` (or `match-viewer` with HTTP viewers) sends every request and response between
    CloudFront and the origin in cleartext across the internet, and `origin_ssl_protocols` that
    include `SSLv3`, `TLSv1` or `TLSv1.1` allow broken protocol versions on that leg. Encrypting
    the origin connection is the customer's configuration under the shared responsibility model.
    High: sensitive data in transit without adequate encryption.
  EOT
  remediation = "Set `origin_protocol_policy = \"https-only\"` and `origin_ssl_protocols = [\"TLSv1.2\"]` in every `custom_origin_config`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#custom-origin-config-arguments",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html",
  ]

  assert {
    each "origin.custom_origin_config" {
      attribute "origin_protocol_policy" {
        equals = "https-only"
      }
      attribute "origin_ssl_protocols" {
        not_contains = "SSLv3"
      }
      attribute "origin_ssl_protocols" {
        not_contains = "TLSv1"
      }
      attribute "origin_ssl_protocols" {
        not_contains = "TLSv1.1"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "app" {
        enabled = true

        origin {
          domain_name = "app.example.com"
          origin_id   = "app"

          custom_origin_config {
            http_port              = 80
            https_port             = 443
            origin_protocol_policy = "http-only"  # expect: aws-cloudfront-origin-tls
            origin_ssl_protocols   = ["TLSv1.2"]
          }
        }

        default_cache_behavior {
          target_origin_id       = "app"
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

  example "bad" {
    code = <<-EOT
      resource "aws_cloudfront_distribution" "app" {
        enabled = true

        origin {
          domain_name = "app.example.com"
          origin_id   = "app"

          custom_origin_config {
            http_port              = 80
            https_port             = 443
            origin_protocol_policy = "https-only"
            origin_ssl_protocols   = ["TLSv1", "TLSv1.2"]  # expect: aws-cloudfront-origin-tls
          }
        }

        default_cache_behavior {
          target_origin_id       = "app"
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
      resource "aws_cloudfront_distribution" "app" {
        enabled = true

        origin {
          domain_name = "app.example.com"
          origin_id   = "app"

          custom_origin_config {
            http_port              = 80
            https_port             = 443
            origin_protocol_policy = "https-only"
            origin_ssl_protocols   = ["TLSv1.2"]
          }
        }

        origin {
          domain_name              = "assets.s3.eu-west-1.amazonaws.com"
          origin_id                = "assets"
          origin_access_control_id = "E2QWRUHAPOMQZL"
        }

        default_cache_behavior {
          target_origin_id       = "app"
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
