path_rule "aws-path-internet-ecs-task-admin-role" {
  title    = "Internet-reachable ECS tasks run with an administrator task role"
  severity = "critical"
  search   = "internet-ecs-task-admin-role"

  description = <<-EOT
    The ECS service gives each task's network interface a public IP address
    (`network_configuration.assign_public_ip = true`) in a subnet routed to an internet gateway,
    one of its security groups admits traffic from the whole internet, and the task definition's
    task role (`task_role_arn`, the credentials every container of the task receives) has a
    policy that allows every action on every resource. A remote code execution or server-side
    request forgery in any container hands an outsider credentials for the whole account. The
    execution role (`execution_role_arn`) is not part of the path: ECS uses it to pull images and
    write logs, and never gives it to the containers. Network exposure, the security groups and
    the task role are all the customer's configuration under the shared responsibility model.
    Critical: an internet entry combined with an administrator identity.
  EOT
  remediation = "Scope the task role's policy to the actions and resources the containers need (the cheapest single change: nothing else moves); or set `assign_public_ip = false` and publish the service through a load balancer, or close the security group's ingress from 0.0.0.0/0."
  references = [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service#network_configuration",
  ]

  example "bad" {
    code = <<-EOT
      resource "aws_ecs_service" "web" { # expect: aws-path-internet-ecs-task-admin-role
        name            = "web"
        cluster         = aws_ecs_cluster.main.id
        task_definition = aws_ecs_task_definition.web.arn
        launch_type     = "FARGATE"
        desired_count   = 2

        network_configuration {
          subnets          = [aws_subnet.public.id]
          security_groups  = [aws_security_group.web.id]
          assign_public_ip = true
        }
      }

      resource "aws_ecs_cluster" "main" {
        name = "main"
      }

      resource "aws_ecs_task_definition" "web" {
        family                   = "web"
        requires_compatibilities = ["FARGATE"]
        network_mode             = "awsvpc"
        cpu                      = 256
        memory                   = 512
        task_role_arn            = aws_iam_role.task.arn
        container_definitions = jsonencode([{
          name         = "web"
          image        = "nginx:1.27"
          portMappings = [{ containerPort = 80 }]
        }])
      }

      resource "aws_vpc" "main" {
        cidr_block = "10.0.0.0/16"
      }

      resource "aws_subnet" "public" {
        vpc_id     = aws_vpc.main.id
        cidr_block = "10.0.1.0/24"
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

      resource "aws_security_group" "web" {
        vpc_id = aws_vpc.main.id
        ingress {
          from_port   = 80
          to_port     = 80
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }

      resource "aws_iam_role" "task" {
        name = "web-task"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { Service = "ecs-tasks.amazonaws.com" }
          }]
        })
      }

      resource "aws_iam_role_policy_attachment" "task_admin" {
        role       = aws_iam_role.task.name
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # The same service in a private subnet, without a public address: reached only through a
      # load balancer, so the task role is not one request away from the internet.
      resource "aws_ecs_service" "web" {
        name            = "web"
        cluster         = aws_ecs_cluster.main.id
        task_definition = aws_ecs_task_definition.web.arn
        launch_type     = "FARGATE"
        desired_count   = 2

        network_configuration {
          subnets          = [aws_subnet.private.id]
          security_groups  = [aws_security_group.web.id]
          assign_public_ip = false
        }
      }

      resource "aws_ecs_cluster" "main" {
        name = "main"
      }

      resource "aws_ecs_task_definition" "web" {
        family                   = "web"
        requires_compatibilities = ["FARGATE"]
        network_mode             = "awsvpc"
        cpu                      = 256
        memory                   = 512
        task_role_arn            = aws_iam_role.task.arn
        container_definitions = jsonencode([{
          name  = "web"
          image = "nginx:1.27"
        }])
      }

      resource "aws_vpc" "main" {
        cidr_block = "10.0.0.0/16"
      }

      resource "aws_subnet" "private" {
        vpc_id     = aws_vpc.main.id
        cidr_block = "10.0.2.0/24"
      }

      resource "aws_security_group" "web" {
        vpc_id = aws_vpc.main.id
        ingress {
          from_port   = 80
          to_port     = 80
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }

      resource "aws_iam_role" "task" {
        name = "web-task"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { Service = "ecs-tasks.amazonaws.com" }
          }]
        })
      }

      resource "aws_iam_role_policy_attachment" "task_admin" {
        role       = aws_iam_role.task.name
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
    EOT
  }
}
