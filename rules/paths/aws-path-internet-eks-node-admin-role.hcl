path_rule "aws-path-internet-eks-node-admin-role" {
  title    = "EKS nodes with SSH open to the internet run with an administrator node role"
  severity = "critical"
  search   = "internet-eks-node-admin-role"

  description = <<-EOT
    The managed node group's nodes get public IP addresses from their subnets
    (`map_public_ip_on_launch`), which are routed to an internet gateway; its `remote_access`
    block names an `ec2_ssh_key` without `source_security_group_ids`, so EKS opens port 22 on
    every node to 0.0.0.0/0; and the node role (`node_role_arn`) has a policy that allows every
    action on every resource. A leaked or brute-forced key, or any pod that escapes to its node,
    gets credentials that control the whole account: the node role's credentials are on every
    node's instance metadata service. Worker nodes, their SSH access and the node role are the
    customer's configuration under the shared responsibility model, even in a managed node
    group. Critical: an internet entry combined with an administrator identity.
  EOT
  remediation = "Detach the broad policy from the node role and give pods their own scoped roles (IAM roles for service accounts or EKS Pod Identity): the cheapest single change; or set `source_security_group_ids` to a bastion's group, or drop `remote_access` and use Session Manager."
  references = [
    "https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html",
    "https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group#remote_access-configuration-block",
  ]

  example "bad" {
    code = <<-EOT
      resource "aws_eks_node_group" "workers" { # expect: aws-path-internet-eks-node-admin-role
        cluster_name    = "main"
        node_group_name = "workers"
        node_role_arn   = aws_iam_role.nodes.arn
        subnet_ids      = [aws_subnet.public.id]

        scaling_config {
          desired_size = 2
          max_size     = 3
          min_size     = 1
        }

        remote_access {
          ec2_ssh_key = "ops"
        }
      }

      resource "aws_vpc" "main" {
        cidr_block = "10.0.0.0/16"
      }

      resource "aws_subnet" "public" {
        vpc_id                  = aws_vpc.main.id
        cidr_block              = "10.0.1.0/24"
        map_public_ip_on_launch = true
      }

      resource "aws_internet_gateway" "main" {
        vpc_id = aws_vpc.main.id
      }

      resource "aws_route_table" "public" {
        vpc_id = aws_vpc.main.id
        route {
          cidr_block = "0.0.0.0/0"
          gateway_id = aws_internet_gateway.main.id
        }
      }

      resource "aws_route_table_association" "public" {
        subnet_id      = aws_subnet.public.id
        route_table_id = aws_route_table.public.id
      }

      resource "aws_iam_role" "nodes" {
        name = "eks-nodes"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { Service = "ec2.amazonaws.com" }
          }]
        })
        managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # SSH only from the bastion's security group: port 22 is not open to the internet.
      resource "aws_eks_node_group" "workers" {
        cluster_name    = "main"
        node_group_name = "workers"
        node_role_arn   = aws_iam_role.nodes.arn
        subnet_ids      = [aws_subnet.public.id]

        scaling_config {
          desired_size = 2
          max_size     = 3
          min_size     = 1
        }

        remote_access {
          ec2_ssh_key               = "ops"
          source_security_group_ids = [aws_security_group.bastion.id]
        }
      }

      resource "aws_vpc" "main" {
        cidr_block = "10.0.0.0/16"
      }

      resource "aws_security_group" "bastion" {
        vpc_id = aws_vpc.main.id
      }

      resource "aws_subnet" "public" {
        vpc_id                  = aws_vpc.main.id
        cidr_block              = "10.0.1.0/24"
        map_public_ip_on_launch = true
      }

      resource "aws_internet_gateway" "main" {
        vpc_id = aws_vpc.main.id
      }

      resource "aws_route_table" "public" {
        vpc_id = aws_vpc.main.id
        route {
          cidr_block = "0.0.0.0/0"
          gateway_id = aws_internet_gateway.main.id
        }
      }

      resource "aws_route_table_association" "public" {
        subnet_id      = aws_subnet.public.id
        route_table_id = aws_route_table.public.id
      }

      resource "aws_iam_role" "nodes" {
        name = "eks-nodes"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { Service = "ec2.amazonaws.com" }
          }]
        })
        managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
      }
    EOT
  }
}
